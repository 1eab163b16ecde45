"use client";

import { useId, useMemo, useRef, useState } from "react";
import type { Quiz as QuizData } from "@/lib/content/schema";
import { attemptsFor, bestScore, PASS_MARK } from "@/lib/progress/status";
import { useProgress } from "@/lib/progress/store";
import type { Response } from "@/lib/progress/types";
import { type Grade, gradeQuiz, initialOrder, isAnswered, type Responses } from "@/lib/quiz/grade";
import { percent } from "@/components/ui/format";
import { QuestionBlock } from "./QuestionBlock";

function startingResponses(quiz: QuizData): Responses {
  const responses: Responses = {};
  for (const q of quiz.questions) if (q.type === "order") responses[q.id] = initialOrder(q);
  return responses;
}

/** The lesson's quiz: answer, submit, read why each option is right or wrong, retry. */
export function Quiz({ lessonId, quiz }: { lessonId: string; quiz: QuizData }) {
  const [responses, setResponses] = useState<Responses>(() => startingResponses(quiz));
  const [grade, setGrade] = useState<Grade | null>(null);
  const attempts = useProgress((s) => s.facts.attempts);
  const recordAttempt = useProgress((s) => s.recordAttempt);
  const resultRef = useRef<HTMLDivElement>(null);
  const headingId = useId();

  const attemptCount = useMemo(() => attemptsFor({ attempts }, lessonId).length, [attempts, lessonId]);
  const best = useMemo(() => bestScore({ attempts }, lessonId), [attempts, lessonId]);
  const unanswered = quiz.questions.filter((q) => !isAnswered(q, responses[q.id])).length;

  const answer = (id: string, response: Response) => setResponses((r) => ({ ...r, [id]: response }));

  const submit = () => {
    if (unanswered > 0) return;
    const result = gradeQuiz(quiz, responses);
    const answered: Record<string, Response> = {};
    for (const [id, r] of Object.entries(responses)) if (r !== undefined) answered[id] = r;
    recordAttempt({ lessonId, responses: answered, correct: result.correct, total: result.total });
    setGrade(result);
    requestAnimationFrame(() => resultRef.current?.focus());
  };

  const retry = () => {
    setGrade(null);
    setResponses(startingResponses(quiz));
    requestAnimationFrame(() => document.getElementById(`${lessonId}-q-${quiz.questions[0]?.id}`)?.focus());
  };

  return (
    <section aria-labelledby={headingId} className="not-prose-block rounded-xl border border-line bg-surface p-5 font-sans shadow-sm sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="text-base font-semibold">
          Quiz · {quiz.questions.length} questions
        </h3>
        <p className="text-sm text-muted" data-testid="quiz-history">
          {attemptCount === 0
            ? `Pass mark ${percent(PASS_MARK)}. Every answer is explained after you submit.`
            : `${attemptCount} attempt${attemptCount === 1 ? "" : "s"} · best ${percent(best ?? 0)}`}
        </p>
      </div>

      <ol className="mt-5 list-none space-y-8 p-0">
        {quiz.questions.map((q, i) => (
          <li key={q.id} className="m-0">
            <QuestionBlock
              question={q}
              number={i + 1}
              domId={`${lessonId}-q-${q.id}`}
              response={responses[q.id]}
              onChange={(r) => answer(q.id, r)}
              result={grade ? grade.results[q.id] : undefined}
            />
          </li>
        ))}
      </ol>

      <div className="mt-8 border-t border-line pt-5">
        {grade ? (
          <div ref={resultRef} tabIndex={-1} role="status" data-testid="quiz-result" className="rounded-lg outline-none">
            <p className="text-lg font-semibold">
              You scored {grade.correct} of {grade.total} ({percent(grade.score)}).{" "}
              <span className={grade.passed ? "text-good" : "text-bad"}>
                {grade.passed ? "Passed." : `Not yet passed: the pass mark is ${percent(PASS_MARK)}.`}
              </span>
            </p>
            <p className="mt-1 text-sm text-muted">Each option above now says why it is right or wrong.</p>
            <button type="button" onClick={retry} className="mt-4 rounded-lg border border-line px-4 py-2 font-medium hover:bg-sunken">
              Try again
            </button>
          </div>
        ) : (
          <div className="flex flex-wrap items-center gap-4">
            <button
              type="button"
              onClick={submit}
              aria-disabled={unanswered > 0}
              className="rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90 aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
            >
              Submit answers
            </button>
            <p className="text-sm text-muted" aria-live="polite">
              {unanswered > 0 ? `${unanswered} question${unanswered === 1 ? "" : "s"} still to answer.` : "All answered."}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
