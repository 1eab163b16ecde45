"use client";

import { useDueReviewCount } from "./useDueReviewCount";

/** How many review cards are due, as a small count; nothing while none are (or the count is unknown). */
export function DueBadge({ className = "" }: { className?: string }) {
  const due = useDueReviewCount();
  if (!due) return null;
  return (
    <span className={`min-w-5 rounded-full bg-accent px-1.5 text-center text-xs leading-5 font-semibold text-accent-ink tabular-nums ${className}`}>
      {due}
      <span className="sr-only"> due</span>
    </span>
  );
}
