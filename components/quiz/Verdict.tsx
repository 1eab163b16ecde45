import { InlineCode } from "@/components/ui/InlineCode";

/** What an option was, after grading: the right answer or not, whether the learner chose it, and why. */
export function Verdict({
  right,
  selected,
  multiple,
  explanation,
}: {
  right: boolean;
  selected: boolean;
  multiple: boolean;
  explanation: string;
}) {
  const label = right
    ? multiple
      ? selected ? "Correct, and you chose it." : "Correct: this one applies too."
      : selected ? "Correct: your answer." : "The correct answer."
    : selected ? "Not right: your choice." : "Not right.";
  return (
    <span className="mt-1.5 block text-sm">
      <strong className={right ? "text-good" : selected ? "text-bad" : "text-muted"}>{label}</strong>{" "}
      <InlineCode text={explanation} />
    </span>
  );
}
