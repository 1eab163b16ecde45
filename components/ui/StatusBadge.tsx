import type { LessonStatus } from "@/lib/progress/types";

const LABELS: Record<LessonStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
  "tested-out": "Tested out",
  skipped: "Skipped",
};

const STYLES: Record<LessonStatus, string> = {
  "not-started": "border-line text-muted",
  "in-progress": "border-accent/50 bg-accent-soft text-accent",
  done: "border-good/50 bg-good-soft text-good",
  "tested-out": "border-deep/50 bg-deep-soft text-deep",
  skipped: "border-line bg-sunken text-muted",
};

export function StatusBadge({ status }: { status: LessonStatus }) {
  return (
    <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>
      {LABELS[status]}
    </span>
  );
}
