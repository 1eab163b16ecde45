import type { PracticeClass } from "@/lib/quiz/classify";

export const CLASS_LABELS: Record<PracticeClass, { label: string; meaning: string }> = {
  known: { label: "Known", meaning: "right, and sure" },
  shaky: { label: "Shaky", meaning: "right, but unsure" },
  gap: { label: "Gap", meaning: "wrong, and unsure" },
  misconception: { label: "Misconception", meaning: "wrong, but sure" },
};

const STYLES: Record<PracticeClass, string> = {
  known: "border-good/50 bg-good-soft text-good",
  shaky: "border-warn/50 bg-warn-soft text-warn",
  gap: "border-accent/50 bg-accent-soft text-accent",
  misconception: "border-bad/50 bg-bad-soft text-bad",
};

/** What the self-assessment found for a practice, as a small labelled badge. */
export function ClassBadge({ value }: { value: PracticeClass }) {
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full border px-2 py-0.5 text-xs font-medium ${STYLES[value]}`}>
      {CLASS_LABELS[value].label}
    </span>
  );
}
