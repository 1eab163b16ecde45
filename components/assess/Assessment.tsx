"use client";

import { useEffect, useMemo, useState } from "react";
import type { DiagnosticPractice } from "@/lib/content/types";
import { useProgress } from "@/lib/progress/store";
import { MAX_QUESTIONS, nextQuestion, type Sitting, sittingsOf, timesAsked } from "@/lib/quiz/diagnostic";
import { AssessmentResult } from "./AssessmentResult";
import { SittingView } from "./SittingView";

/** The question counts of earlier sittings, for the sitting `id` (which prefers questions they did not ask). */
function earlierCounts(sittings: readonly Sitting[], id: string) {
  return timesAsked(sittings.filter((s) => s.id !== id));
}

/**
 * The self-assessment: start, answer, stop and resume, and the result with its study plan.
 * Everything is derived from the stored answers, so a reload or another device resumes the
 * same sitting at the same question.
 */
export function Assessment({ bank }: { bank: DiagnosticPractice[] }) {
  const answers = useProgress((s) => s.facts.answers);
  const hydrated = useProgress((s) => s.hydrated);
  const sittings = useMemo(() => sittingsOf({ answers }), [answers]);
  const [active, setActive] = useState<string | null>(null);
  // Set when the learner leaves a sitting: the next view takes focus. Not on page load.
  const [moved, setMoved] = useState(false);

  const latest = sittings[sittings.length - 1];
  const latestFinished = latest ? nextQuestion(bank, latest.answers, earlierCounts(sittings, latest.id), latest.id) === null : false;

  // After a sitting ends or stops, land on the new view's heading, so a screen reader hears where it is.
  useEffect(() => {
    if (moved && active === null) document.getElementById("assess-view")?.focus();
  }, [active, moved]);

  if (!hydrated) return <div className="min-h-96" aria-busy="true" />;

  if (active !== null) {
    const sitting = sittings.find((s) => s.id === active);
    return (
      <SittingView
        bank={bank}
        sittingId={active}
        answers={sitting?.answers ?? []}
        earlier={earlierCounts(sittings, active)}
        onStop={() => {
          setActive(null);
          setMoved(true);
        }}
      />
    );
  }

  const start = () => setActive(crypto.randomUUID());
  if (latest && latestFinished) return <AssessmentResult bank={bank} sittings={sittings} onRetake={start} />;
  return <AssessmentIntro bank={bank} unfinished={latest} onStart={start} onResume={() => latest && setActive(latest.id)} />;
}

function AssessmentIntro({
  bank,
  unfinished,
  onStart,
  onResume,
}: {
  bank: readonly DiagnosticPractice[];
  unfinished: Sitting | undefined;
  onStart: () => void;
  onResume: () => void;
}) {
  return (
    <section aria-labelledby="assess-view" className="rounded-xl border border-line bg-surface p-5 sm:p-6">
      <h2 id="assess-view" tabIndex={-1} className="text-lg font-semibold outline-none">
        {unfinished ? "You stopped part way" : "How it works"}
      </h2>
      {unfinished ? (
        <p className="mt-2 text-muted" data-testid="resume-note">
          You answered {unfinished.answers.length} question{unfinished.answers.length === 1 ? "" : "s"}. Your answers are kept: carry
          on from question {unfinished.answers.length + 1}, or start again.
        </p>
      ) : (
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-muted">
          <li>One question on each of the {bank.length} practices; a second, and if needed a third, only where an answer was wrong or unsure.</li>
          <li>Someone who knows most of it answers about 25 questions; nobody gets more than {MAX_QUESTIONS}.</li>
          <li>With each answer, say how sure you are: that tells a gap from a misconception.</li>
          <li>Stop whenever you like; your answers are kept and you can carry on later.</li>
        </ul>
      )}
      <div className="mt-5 flex flex-wrap gap-3">
        {unfinished ? (
          <>
            <button type="button" onClick={onResume} className="rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90">
              Carry on
            </button>
            <button type="button" onClick={onStart} className="rounded-lg border border-line px-4 py-2 font-medium hover:bg-sunken">
              Start again
            </button>
          </>
        ) : (
          <button type="button" onClick={onStart} className="rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90">
            Start the self-assessment
          </button>
        )}
      </div>
    </section>
  );
}
