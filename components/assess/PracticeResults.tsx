"use client";

import type { Question } from "@/lib/content/schema";
import type { DiagnosticPractice } from "@/lib/content/types";
import { useProgress } from "@/lib/progress/store";
import type { PracticeResult } from "@/lib/quiz/diagnostic";
import type { PracticeChange } from "@/lib/quiz/plan";
import { QuestionBlock } from "@/components/quiz/QuestionBlock";
import { CLASS_LABELS, ClassBadge } from "./ClassBadge";
import { confidenceLabel } from "./ConfidencePicker";

const CHANGE_NOTES: Record<PracticeChange["change"], string | null> = {
  better: "↑ better than last time",
  worse: "↓ worse than last time",
  same: "same as last time",
  new: "not assessed last time",
  "not-assessed": null,
};

/**
 * The same question shown for several lessons at once: question ids are unique only within a
 * lesson, so each gets a page-unique id (content ids never contain "--").
 */
function scoped(practiceId: string, question: Question): Question {
  return { ...question, id: `${practiceId}--${question.id}` };
}

/** Practice by practice: what the sitting found, how it moved, the questions that showed it, and "tested out". */
export function PracticeResults({
  bank,
  results,
  changes,
}: {
  bank: readonly DiagnosticPractice[];
  results: readonly PracticeResult<Question>[];
  changes: readonly PracticeChange[] | null;
}) {
  const testedOut = useProgress((s) => s.facts.testedOut);
  const setTestedOut = useProgress((s) => s.setTestedOut);
  return (
    <section aria-labelledby="practices-heading">
      <h2 id="practices-heading" className="text-lg font-semibold">
        Practice by practice
      </h2>
      <p className="mt-1 text-muted">Open a practice to see the questions you were asked, your answers, and why each option is right or wrong.</p>
      <ul className="mt-4 space-y-2">
        {results.map((result) => {
          const practice = bank.find((p) => p.id === result.practiceId);
          if (!practice) return null;
          const change = changes?.find((c) => c.practiceId === result.practiceId);
          const note = change ? CHANGE_NOTES[change.change] : null;
          const isTestedOut = testedOut[practice.id]?.value === true;
          return (
            <li key={practice.id} className="rounded-lg border border-line bg-surface" data-testid={`practice-result-${practice.id}`}>
              <div className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:gap-3">
                <span className="min-w-0 flex-1 font-medium">
                  {practice.number}. {practice.title}
                </span>
                <span className="flex flex-wrap items-center gap-x-3 gap-y-2">
                  {note ? <span className="text-sm text-muted">{change?.before ? `${note} (was ${CLASS_LABELS[change.before].label.toLowerCase()})` : note}</span> : null}
                  {result.class ? <ClassBadge value={result.class} /> : <span className="text-sm text-muted">Not assessed</span>}
                  {result.class === "known" || isTestedOut ? (
                    <button
                      type="button"
                      aria-pressed={isTestedOut}
                      onClick={() => setTestedOut(practice.id, !isTestedOut)}
                      className="rounded-md border border-line px-2.5 py-1 text-xs font-medium text-muted hover:bg-sunken hover:text-ink aria-pressed:border-deep/50 aria-pressed:bg-deep-soft aria-pressed:text-deep"
                    >
                      {isTestedOut ? "Tested out: undo" : "Mark tested out"}
                      <span className="sr-only"> ({practice.title})</span>
                    </button>
                  ) : null}
                </span>
              </div>
              {result.answers.length > 0 ? (
                <details className="border-t border-line px-4 py-3">
                  <summary className="cursor-pointer text-sm font-medium text-muted hover:text-ink">
                    {result.answers.length === 1 ? "The question" : `The ${result.answers.length} questions`} and why
                  </summary>
                  <ol className="mt-4 list-none space-y-6 p-0">
                    {result.answers.map(({ answer, question }, i) => (
                      <li key={answer.id}>
                        <QuestionBlock
                          question={scoped(practice.id, question)}
                          number={i + 1}
                          domId={`result-${practice.id}-${question.id}`}
                          response={answer.response}
                          onChange={() => {}}
                          result={answer.correct}
                        />
                        <p className="mt-2 text-sm text-muted">
                          You said: <span className="font-medium text-ink">{confidenceLabel(answer.confidence)}</span>.
                        </p>
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
