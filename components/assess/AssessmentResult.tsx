"use client";

import type { DiagnosticPractice } from "@/lib/content/types";
import { CLASS_ORDER, type PracticeClass } from "@/lib/quiz/classify";
import { type Sitting, sittingResult } from "@/lib/quiz/diagnostic";
import { compareResults, studyPlan } from "@/lib/quiz/plan";
import { CLASS_LABELS } from "./ClassBadge";
import { formatDay, plural } from "./format";
import { PracticeResults } from "./PracticeResults";
import { StudyPlan } from "./StudyPlan";

/** The latest sitting's result: what it found, the study plan, what changed, and each practice's evidence. */
export function AssessmentResult({ bank, sittings, onRetake }: { bank: readonly DiagnosticPractice[]; sittings: readonly Sitting[]; onRetake: () => void }) {
  const latest = sittings[sittings.length - 1]!;
  const previous = sittings[sittings.length - 2];
  const results = sittingResult(bank, latest.answers);
  const plan = studyPlan(results, bank);
  const changes = previous ? compareResults(sittingResult(bank, previous.answers), results) : null;
  const counts = CLASS_ORDER.map((c) => [c, results.filter((r) => r.class === c).length] as const).filter(([, n]) => n > 0);

  return (
    <div className="space-y-10">
      <section aria-labelledby="assess-view" data-testid="assess-result">
        <h2 id="assess-view" tabIndex={-1} className="text-2xl font-bold tracking-tight outline-none">
          Your result
        </h2>
        <p className="mt-2 text-muted">
          Taken on {formatDay(latest.lastAt.wall)}: {plural(latest.answers.length, "question")}.
        </p>
        <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="class-counts">
          {counts.map(([c, n]) => (
            <ClassCount key={c} value={c} count={n} />
          ))}
        </dl>
        <button type="button" onClick={onRetake} className="mt-5 rounded-lg border border-line px-4 py-2 font-medium hover:bg-sunken">
          Take it again
        </button>
      </section>

      <StudyPlan plan={plan} />

      {changes && previous ? <ChangeSummary changes={changes} since={previous.lastAt.wall} /> : null}

      <PracticeResults bank={bank} results={results} changes={changes} />
    </div>
  );
}

function ClassCount({ value, count }: { value: PracticeClass; count: number }) {
  const { label, meaning } = CLASS_LABELS[value];
  return (
    <div className="rounded-lg border border-line bg-surface px-3 py-2">
      <dt className="text-sm text-muted">
        {label} <span className="block text-xs">{meaning}</span>
      </dt>
      <dd className="text-xl font-semibold tabular-nums">{count}</dd>
    </div>
  );
}

function ChangeSummary({ changes, since }: { changes: ReturnType<typeof compareResults>; since: number }) {
  const count = (kind: string) => changes.filter((c) => c.change === kind).length;
  const parts = [
    [count("better"), "better"],
    [count("worse"), "worse"],
    [count("same"), "the same"],
    [count("new"), "assessed for the first time"],
  ] as const;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading" className="text-lg font-semibold">
        Since last time
      </h2>
      <p className="mt-1 text-muted" data-testid="change-summary">
        Compared with your sitting of {formatDay(since)}:{" "}
        {parts
          .filter(([n]) => n > 0)
          .map(([n, what]) => `${plural(n, "practice")} ${what}`)
          .join(", ")}
        . Each practice below says how it moved.
      </p>
    </section>
  );
}
