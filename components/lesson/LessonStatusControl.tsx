"use client";

import type { LessonSummary } from "@/lib/content/types";
import { lessonStatus } from "@/lib/progress/status";
import { useProgress } from "@/lib/progress/store";
import { StatusBadge } from "@/components/ui/StatusBadge";

/** The lesson's status, and a way to say "I know this already". */
export function LessonStatusControl({ lesson }: { lesson: LessonSummary }) {
  const status = useProgress((s) => lessonStatus(s.facts, lesson));
  const hydrated = useProgress((s) => s.hydrated);
  const skipped = useProgress((s) => s.facts.skipped[lesson.id]?.value === true);
  const setSkipped = useProgress((s) => s.setSkipped);
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="lesson-status">
      <span className={hydrated ? "" : "invisible"}>
        <StatusBadge status={status} />
      </span>
      <button
        type="button"
        aria-pressed={skipped}
        onClick={() => setSkipped(lesson.id, !skipped)}
        className="rounded-md border border-line px-2.5 py-1 text-xs font-medium text-muted hover:bg-sunken hover:text-ink"
      >
        {skipped ? "Skipped: undo" : "Skip this lesson"}
      </button>
    </div>
  );
}
