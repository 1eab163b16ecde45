"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import type { Question } from "@/lib/content/schema";
import type { ReviewLesson } from "@/lib/content/types";
import { useProgress } from "@/lib/progress/store";
import type { CardSource } from "@/lib/quiz/cards";
import { nextDueAt, reviewQueue, reviewState, type ScheduledCard } from "@/lib/quiz/review";
import { plural, whenDue } from "@/components/assess/format";
import { ReviewCard } from "./ReviewCard";

/**
 * Spaced review: the cards due, one at a time. A card stays on screen after it is answered
 * (with why each option is right or wrong and when it comes back) until the learner goes on.
 */
export function ReviewSession({ bank }: { bank: ReviewLesson[] }) {
  const attempts = useProgress((s) => s.facts.attempts);
  const answers = useProgress((s) => s.facts.answers);
  const reviewLessons = useProgress((s) => s.facts.reviewLessons);
  const reviews = useProgress((s) => s.facts.reviews);
  const hydrated = useProgress((s) => s.hydrated);
  const [now, setNow] = useState(() => Date.now());
  // The card on screen once answered: it is no longer due, but stays until "Next card".
  const [answered, setAnswered] = useState<string | null>(null);
  const [reviewed, setReviewed] = useState(0);

  const sources: CardSource[] = useMemo(() => bank.map((l) => ({ id: l.id, quiz: l.quiz, diagnostic: l.diagnostic })), [bank]);
  const cards = useMemo(() => reviewState({ attempts, answers, reviewLessons, reviews }, sources), [attempts, answers, reviewLessons, reviews, sources]);
  const queue = reviewQueue(cards, now);

  // "Now" moves on whenever the facts change: a card added a moment ago is due already.
  useEffect(() => {
    if (hydrated) setNow(Date.now());
  }, [hydrated, cards]);

  if (!hydrated) return <div className="min-h-96" aria-busy="true" />;

  const shown = answered ? cards.find((c) => c.key === answered) : queue[0];
  const question = shown ? findQuestion(bank, shown) : undefined;
  const next = nextDueAt(cards, now);
  const goOn = () => {
    setAnswered(null);
    setReviewed((n) => n + 1);
    setNow(Date.now());
  };

  return (
    <div className="space-y-6">
      <p className="text-muted" data-testid="review-status" aria-live="polite">
        {cards.length === 0 ? "No cards yet." : `${plural(queue.length, "card")} due now · ${plural(cards.length, "card")} in all.`}
      </p>
      {shown && question ? (
        <ReviewCard
          key={shown.key}
          card={shown}
          question={question.question}
          lessonTitle={question.lesson.title}
          lessonNumber={question.lesson.number}
          onAnswered={() => setAnswered(shown.key)}
          onNext={goOn}
          takeFocus={reviewed > 0}
        />
      ) : (
        <EmptyState hasCards={cards.length > 0} next={next} now={now} takeFocus={reviewed > 0} />
      )}
    </div>
  );
}

function findQuestion(bank: readonly ReviewLesson[], card: ScheduledCard): { question: Question; lesson: ReviewLesson } | undefined {
  const lesson = bank.find((l) => l.id === card.lessonId);
  const question = lesson && [...lesson.quiz, ...lesson.diagnostic].find((q) => q.id === card.questionId);
  return lesson && question ? { question, lesson } : undefined;
}

function EmptyState({ hasCards, next, now, takeFocus }: { hasCards: boolean; next: number | null; now: number; takeFocus: boolean }) {
  useEffect(() => {
    if (takeFocus) document.getElementById("review-empty")?.focus();
  }, [takeFocus]);
  return (
    <section aria-labelledby="review-empty" className="rounded-xl border border-line bg-surface p-5 sm:p-6" data-testid="review-empty">
      <h2 id="review-empty" tabIndex={-1} className="text-lg font-semibold outline-none">
        {hasCards ? "Nothing due now" : "Nothing to review yet"}
      </h2>
      <p className="mt-2 text-muted">
        {hasCards && next !== null
          ? `The next card is due ${whenDue(next, now)}. Come back then: reviewing just as you are about to forget is what makes it stick.`
          : "Questions you get wrong, or are unsure of, in a lesson quiz or the self-assessment become cards here. You can also add the whole quiz of a lesson you finished, below."}
      </p>
      {hasCards ? null : (
        <p className="mt-4">
          <Link href="/assess" className="font-medium text-accent underline underline-offset-2">
            Take the self-assessment
          </Link>
        </p>
      )}
    </section>
  );
}
