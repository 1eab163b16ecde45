"use client";

import Link from "next/link";
import { useDueReviewCount } from "./useDueReviewCount";

/** The header's links to the self-assessment and to spaced review, with how many cards are due. */
export function StudyLinks() {
  const due = useDueReviewCount();
  return (
    <>
      <Link href="/assess" className="hidden rounded-md px-1.5 py-1 text-muted hover:text-ink sm:inline sm:px-2">
        Assess
      </Link>
      <Link href="/review" className="flex items-center gap-1 rounded-md px-1.5 py-1 text-muted hover:text-ink sm:px-2" data-testid="header-review">
        Review
        {due ? (
          <span className="min-w-5 rounded-full bg-accent px-1.5 text-center text-xs leading-5 font-semibold text-accent-ink tabular-nums">
            {due}
            <span className="sr-only"> due</span>
          </span>
        ) : null}
      </Link>
    </>
  );
}
