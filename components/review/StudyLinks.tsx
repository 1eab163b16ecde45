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
      <Link href="/review" className="relative flex items-center gap-1 rounded-md px-1.5 py-1 text-muted hover:text-ink sm:px-2" data-testid="header-review">
        Review
        {due ? (
          // On phones the count sits on the link's corner, taking no width from a full header.
          <span className="absolute -top-1.5 -right-1.5 min-w-4 rounded-full bg-accent px-1 text-center text-[0.6875rem] leading-4 font-semibold text-accent-ink tabular-nums sm:static sm:min-w-5 sm:px-1.5 sm:text-xs sm:leading-5">
            {due}
            <span className="sr-only"> due</span>
          </span>
        ) : null}
      </Link>
    </>
  );
}
