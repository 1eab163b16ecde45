import { IntentLink as Link } from "@/components/site/IntentLink";
import type { StudyPlan as Plan } from "@/lib/quiz/plan";
import { ClassBadge } from "./ClassBadge";
import { readingTime } from "./format";

/** The practices to study, in order, with reading time and a link to start each. */
export function StudyPlan({ plan }: { plan: Plan }) {
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading" className="text-lg font-semibold">
        Your study plan
      </h2>
      {plan.items.length === 0 ? (
        <p className="mt-1 text-muted" data-testid="study-plan">
          Nothing to study: every practice you were asked about is known. Spaced review will keep it that way.
        </p>
      ) : (
        <>
          <p className="mt-1 text-muted">
            Misconceptions first (a confident wrong belief does the most harm), then gaps, then shaky practices; in curriculum order
            within each. {plan.items.length} lesson{plan.items.length === 1 ? "" : "s"}, {readingTime(plan.minutes)} of reading.
          </p>
          <ol className="mt-4 space-y-2" data-testid="study-plan">
            {plan.items.map((item, i) => (
              <li
                key={item.lesson.id}
                className="flex flex-col gap-2 rounded-lg border border-line bg-surface px-4 py-3 sm:flex-row sm:items-center sm:gap-3"
              >
                <span className="flex min-w-0 flex-1 items-baseline gap-3">
                  <span className="w-5 shrink-0 text-right font-mono text-sm text-muted" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="min-w-0">
                    <span className="font-medium">{item.lesson.title}</span> <span className="text-sm text-muted">· lesson {item.lesson.number}</span>
                  </span>
                </span>
                <span className="flex items-center gap-3 pl-8 sm:pl-0">
                  <ClassBadge value={item.class} />
                  <span className="text-sm text-muted tabular-nums">{item.lesson.minutes} min</span>
                  <Link href={item.href} className="text-sm font-medium text-accent underline underline-offset-2">
                    {i === 0 ? "Start here" : "Read"}
                    <span className="sr-only">: {item.lesson.title}</span>
                  </Link>
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
