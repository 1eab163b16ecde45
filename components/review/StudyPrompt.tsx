"use client";

import { IntentLink as Link } from "@/components/site/IntentLink";
import { useProgress } from "@/lib/progress/store";
import { useDueReviewCount } from "./useDueReviewCount";

/** The curriculum map's way into the self-assessment and spaced review. */
export function StudyPrompt() {
  const assessed = useProgress((s) => Object.keys(s.facts.answers).length > 0);
  const due = useDueReviewCount();
  return (
    <p className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm" data-testid="study-prompt">
      <Link href="/assess" className="font-medium text-accent underline underline-offset-2">
        {assessed ? "Your self-assessment" : "Not sure where to start? Take the self-assessment"}
      </Link>
      <Link href="/review" className="font-medium text-accent underline underline-offset-2">
        {due ? `${due} review card${due === 1 ? "" : "s"} due` : "Spaced review"}
      </Link>
    </p>
  );
}
