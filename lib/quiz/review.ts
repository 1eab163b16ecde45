/**
 * The review queue: every card with its schedule (replayed from its review events), which
 * are due, how many, and when the next one will be. Pure: `now` is passed in.
 */
import { compareTimestamps } from "@/lib/progress/clock";
import type { ProgressFacts, ReviewEvent } from "@/lib/progress/types";
import { type Card, type CardSource, cardKey, deriveCards } from "./cards";
import { applyReview, type CardSchedule, newCardSchedule, ratingFor } from "./schedule";

export interface ScheduledCard extends Card {
  schedule: CardSchedule;
}

/**
 * A card's schedule from its review events, in timestamp order whatever order they are
 * given in. A card is new from when it became one, or from its first review if a merge
 * brought a review stamped earlier.
 */
export function replayCard(since: number, events: readonly ReviewEvent[]): CardSchedule {
  const ordered = [...events].sort((a, b) => compareTimestamps(a.at, b.at));
  const start = Math.min(since, ordered[0]?.at.wall ?? since);
  return ordered.reduce((card, e) => applyReview(card, e.at.wall, ratingFor(e.correct, e.confidence)), newCardSchedule(start));
}

export function scheduleCards(cards: readonly Card[], reviews: ProgressFacts["reviews"]): ScheduledCard[] {
  const byCard = new Map<string, ReviewEvent[]>();
  for (const event of Object.values(reviews)) {
    const key = cardKey(event.lessonId, event.questionId);
    const list = byCard.get(key);
    if (list) list.push(event);
    else byCard.set(key, [event]);
  }
  return cards.map((card) => ({ ...card, schedule: replayCard(card.since.wall, byCard.get(card.key) ?? []) }));
}

/** Every card with its schedule, from the facts and the content. */
export function reviewState(facts: Pick<ProgressFacts, "attempts" | "answers" | "reviewLessons" | "reviews">, sources: readonly CardSource[]): ScheduledCard[] {
  return scheduleCards(deriveCards(facts, sources), facts.reviews);
}

/** The cards due now, most overdue first (then in curriculum order). */
export function reviewQueue(cards: readonly ScheduledCard[], now: number): ScheduledCard[] {
  return cards.filter((c) => c.schedule.due <= now).sort((a, b) => a.schedule.due - b.schedule.due);
}

export function dueCount(cards: readonly ScheduledCard[], now: number): number {
  let n = 0;
  for (const c of cards) if (c.schedule.due <= now) n++;
  return n;
}

/** When the next card that is not yet due will be, or null if none is waiting. */
export function nextDueAt(cards: readonly ScheduledCard[], now: number): number | null {
  let next: number | null = null;
  for (const c of cards) if (c.schedule.due > now && (next === null || c.schedule.due < next)) next = c.schedule.due;
  return next;
}
