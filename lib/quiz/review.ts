/**
 * The review queue: every card with its schedule (replayed from its review events), which
 * are due, how many, and when the next one will be. Pure: `now` is passed in.
 */
import { compareTimestamps } from "@/lib/progress/clock";
import type { ProgressFacts, ReviewEvent } from "@/lib/progress/types";
import { type Card, type CardSource, deriveCards } from "./cards";
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
  const ordered = isInOrder(events) ? events : [...events].sort((a, b) => compareTimestamps(a.at, b.at));
  let card = newCardSchedule(Math.min(since, ordered[0]?.at.wall ?? since));
  for (const e of ordered) card = applyReview(card, e.at.wall, ratingFor(e.correct, e.confidence));
  return card;
}

/** Events usually arrive in the order they happened; checking is cheaper than sorting. */
function isInOrder(events: readonly ReviewEvent[]): boolean {
  for (let i = 1; i < events.length; i++) if (compareTimestamps(events[i - 1]!.at, events[i]!.at) > 0) return false;
  return true;
}

export function scheduleCards(cards: readonly Card[], reviews: ProgressFacts["reviews"]): ScheduledCard[] {
  // Grouped by lesson, then question: nested maps look up the ids as they are, with no key to
  // build per event. for…in, because Object.values copies a year of events into an array first.
  const byLesson = new Map<string, Map<string, ReviewEvent[]>>();
  for (const id in reviews) {
    const event = reviews[id]!;
    let byQuestion = byLesson.get(event.lessonId);
    if (!byQuestion) byLesson.set(event.lessonId, (byQuestion = new Map()));
    const list = byQuestion.get(event.questionId);
    if (list) list.push(event);
    else byQuestion.set(event.questionId, [event]);
  }
  return cards.map((card) => ({ ...card, schedule: replayCard(card.since.wall, byLesson.get(card.lessonId)?.get(card.questionId) ?? []) }));
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
