"use client";

import { useEffect, useRef, useState } from "react";
import type { Question } from "@/lib/content/schema";
import { useProgress } from "@/lib/progress/store";
import type { Confidence, Response } from "@/lib/progress/types";
import { isCorrect } from "@/lib/quiz/grade";
import type { ScheduledCard } from "@/lib/quiz/review";
import { AnswerCard } from "@/components/assess/AnswerCard";
import { confidenceLabel } from "@/components/assess/ConfidencePicker";
import { whenDue } from "@/components/assess/format";
import { useAnswerShortcuts } from "@/components/assess/useAnswerShortcuts";
import { QuestionBlock } from "@/components/quiz/QuestionBlock";

/**
 * On arrival, focus is on nothing (a page load) or still on the link that led here (a
 * client-side navigation): the card takes it, so the keys and Enter act on the card at once.
 * Focus the learner put somewhere on purpose is left alone.
 */
function focusIsIdle(): boolean {
  const active = document.activeElement;
  if (!active || active === document.body) return true;
  return active instanceof HTMLAnchorElement && active.pathname === window.location.pathname;
}

/** One card: answer it with how sure you are; then see why each option is right or wrong, and when it comes back. */
export function ReviewCard({
  card,
  question,
  lessonTitle,
  lessonNumber,
  onAnswered,
  onNext,
  takeFocus,
}: {
  card: ScheduledCard;
  question: Question;
  lessonTitle: string;
  lessonNumber: number;
  onAnswered: () => void;
  onNext: () => void;
  /** Whether the card's question takes focus whatever has it: after "Next card". */
  takeFocus: boolean;
}) {
  const recordReview = useProgress((s) => s.recordReview);
  const [graded, setGraded] = useState<{ response: Response; confidence: Confidence; correct: boolean; at: number } | null>(null);
  const domId = `review-q-${card.lessonId}-${card.questionId}`;
  const origin = card.origin === "quiz" ? "the lesson quiz" : "the self-assessment";

  useEffect(() => {
    if (takeFocus || focusIsIdle()) document.getElementById(domId)?.focus();
  }, [domId, takeFocus]);

  const submit = (response: Response, confidence: Confidence) => {
    const correct = isCorrect(question, response);
    recordReview({ lessonId: card.lessonId, questionId: card.questionId, response, confidence, correct });
    setGraded({ response, confidence, correct, at: Date.now() });
    onAnswered();
  };

  return (
    <section aria-labelledby={domId} className="rounded-xl border border-line bg-surface p-5 shadow-sm sm:p-6" data-testid="review-card">
      <p className="mb-4 text-sm text-muted">
        From {origin} of lesson {lessonNumber}, <span className="font-medium text-ink">{lessonTitle}</span>
        {card.schedule.reps > 0 ? ` · reviewed ${card.schedule.reps === 1 ? "once" : `${card.schedule.reps} times`}` : " · new card"}
      </p>
      {graded ? (
        <Graded
          question={question}
          domId={domId}
          response={graded.response}
          confidence={graded.confidence}
          correct={graded.correct}
          due={card.schedule.due}
          now={graded.at}
          onNext={onNext}
        />
      ) : (
        <AnswerCard question={question} domId={domId} onSubmit={submit} submitLabel="Check" />
      )}
    </section>
  );
}

function Graded({
  question,
  domId,
  response,
  confidence,
  correct,
  due,
  now,
  onNext,
}: {
  question: Question;
  domId: string;
  response: Response;
  confidence: Confidence;
  correct: boolean;
  due: number;
  now: number;
  onNext: () => void;
}) {
  const next = useRef<HTMLButtonElement>(null);
  useAnswerShortcuts({ question: undefined, response: undefined, onEnter: onNext });
  useEffect(() => next.current?.focus(), []);
  return (
    <div className="space-y-5">
      <QuestionBlock question={question} domId={domId} response={response} onChange={() => {}} result={correct} />
      <div role="status" className="rounded-lg border border-line bg-sunken px-4 py-3 text-sm" data-testid="review-outcome">
        <p>
          <strong className={correct ? "text-good" : "text-bad"}>{correct ? "Right" : "Not right"}</strong>, and you said{" "}
          {confidenceLabel(confidence).toLowerCase()}. Next review <span className="font-medium">{whenDue(due, now)}</span>.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button ref={next} type="button" onClick={onNext} className="rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90">
          Next card
        </button>
        <p className="text-xs text-muted">
          <kbd className="font-mono">Enter</kbd> next card
        </p>
      </div>
    </div>
  );
}
