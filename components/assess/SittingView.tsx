"use client";

import { useEffect } from "react";
import type { Question } from "@/lib/content/schema";
import type { DiagnosticPractice } from "@/lib/content/types";
import { useProgress } from "@/lib/progress/store";
import type { AssessmentAnswer } from "@/lib/progress/types";
import { nextQuestion, sittingProgress } from "@/lib/quiz/diagnostic";
import { isCorrect } from "@/lib/quiz/grade";
import { AnswerCard } from "./AnswerCard";

/** One sitting in progress: where it is, the current question, a way to stop. */
export function SittingView({
  bank,
  sittingId,
  answers,
  earlier,
  onStop,
}: {
  bank: readonly DiagnosticPractice[];
  sittingId: string;
  answers: readonly AssessmentAnswer[];
  earlier: ReadonlyMap<string, number>;
  onStop: () => void;
}) {
  const next = nextQuestion(bank, answers, earlier, sittingId);
  const progress = sittingProgress(bank, answers, next === null);
  const practice = next ? bank.find((p) => p.id === next.practiceId) : undefined;

  // The last answer finished the sitting: show the result.
  useEffect(() => {
    if (next === null) onStop();
  }, [next, onStop]);
  if (!next || !practice) return null;

  return (
    <section aria-labelledby="sitting-progress" className="rounded-xl border border-line bg-surface p-5 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p id="sitting-progress" className="text-sm text-muted" data-testid="sitting-progress">
          <span className="font-semibold text-ink">Question {progress.asked + 1}</span> · about {progress.estimate} in all ·{" "}
          {progress.settled} of {progress.practices} practices settled
        </p>
        <button type="button" onClick={onStop} className="rounded-md border border-line px-2.5 py-1 text-sm font-medium text-muted hover:bg-sunken hover:text-ink">
          Stop for now
        </button>
      </div>
      <div className="mt-3 flex h-1.5 gap-0.5" aria-hidden="true">
        {Array.from({ length: progress.practices }, (_, i) => (
          <span key={i} className={`flex-1 rounded-full ${i < progress.settled ? "bg-accent" : "bg-sunken"}`} />
        ))}
      </div>
      <p className="mt-5 text-sm font-medium text-accent" data-testid="sitting-practice">
        Practice {practice.number}: {practice.title}
      </p>
      <div className="mt-3">
        <SittingQuestion key={`${practice.id}/${next.question.id}`} sittingId={sittingId} practiceId={practice.id} question={next.question} />
      </div>
    </section>
  );
}

/** The current question; keyed by question, so each starts blank and takes focus. */
function SittingQuestion({ sittingId, practiceId, question }: { sittingId: string; practiceId: string; question: Question }) {
  const recordAnswer = useProgress((s) => s.recordAnswer);
  const domId = `assess-q-${practiceId}-${question.id}`;

  // A new question takes focus, so keyboard and screen-reader users start on its prompt.
  useEffect(() => {
    document.getElementById(domId)?.focus();
  }, [domId]);

  return (
    <AnswerCard
      question={question}
      domId={domId}
      onSubmit={(response, confidence) =>
        recordAnswer({ sittingId, lessonId: practiceId, questionId: question.id, response, confidence, correct: isCorrect(question, response) })
      }
      submitLabel="Submit answer"
    />
  );
}
