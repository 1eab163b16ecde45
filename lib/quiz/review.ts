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

interface Slot {
  schedule: CardSchedule;
  last: ReviewEvent["at"] | null;
  /** An event came before one stamped earlier: replay this card from its sorted events. */
  disordered: boolean;
}

/**
 * Every card's schedule, in one pass over the review events: each card's schedule advances
 * as its events come, which is their timestamp order whenever they were stored as they
 * happened. A card whose events come out of order (a merge appends the other copy's events)
 * is replayed from its sorted events, so the result is replayCard's either way. One pass
 * matters: a year of reviews is 20,000 events (scripts/bench-review.ts).
 */
export function scheduleCards(cards: readonly Card[], reviews: ProgressFacts["reviews"]): ScheduledCard[] {
  // Nested maps look up the ids as they are, with no key to build per event.
  const slots = new Map<string, Map<string, Slot>>();
  const slotOf = (card: Card): Slot => {
    let byQuestion = slots.get(card.lessonId);
    if (!byQuestion) slots.set(card.lessonId, (byQuestion = new Map()));
    let slot = byQuestion.get(card.questionId);
    if (!slot) byQuestion.set(card.questionId, (slot = { schedule: newCardSchedule(card.since.wall), last: null, disordered: false }));
    return slot;
  };
  for (const card of cards) slotOf(card);

  let disordered = false;
  // for…in, because Object.values would first copy a year of events into an array.
  for (const id in reviews) {
    const event = reviews[id]!;
    const slot = slots.get(event.lessonId)?.get(event.questionId);
    if (!slot || slot.disordered) continue;
    if (slot.last && compareTimestamps(slot.last, event.at) > 0) {
      slot.disordered = disordered = true;
      continue;
    }
    slot.schedule = applyReview(slot.schedule, event.at.wall, ratingFor(event.correct, event.confidence));
    slot.last = event.at;
  }
  if (disordered) {
    const events = new Map<Slot, ReviewEvent[]>();
    for (const id in reviews) {
      const event = reviews[id]!;
      const slot = slots.get(event.lessonId)?.get(event.questionId);
      if (!slot?.disordered) continue;
      const list = events.get(slot);
      if (list) list.push(event);
      else events.set(slot, [event]);
    }
    for (const card of cards) {
      const slot = slotOf(card);
      if (slot.disordered) slot.schedule = replayCard(card.since.wall, events.get(slot) ?? []);
    }
  }
  return cards.map((card) => ({ ...card, schedule: slotOf(card).schedule }));
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
