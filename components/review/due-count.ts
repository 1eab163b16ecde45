/**
 * How many review cards are due now, for the header on every page. This module (and ts-fsrs
 * with it) is imported lazily by useDueReviewCount, after the page has hydrated and only for a
 * learner who has anything that can make a card, so it adds nothing to a page's first load.
 */
import { useProgress } from "@/lib/progress/store";
import type { ProgressFacts } from "@/lib/progress/types";
import { parseAnswerKeys } from "@/lib/quiz/answer-keys";
import { dueCount, reviewState, type ScheduledCard } from "@/lib/quiz/review";

/** The schedules of the last facts counted: the header and the map count the same facts at once. */
let last: { facts: ProgressFacts; cards: ScheduledCard[] } | undefined;

/** Reads the answer keys file and returns a counter over the store's current facts, or undefined if the file is not valid. */
export function dueCounter(json: unknown): ((now: number) => number) | undefined {
  const sources = parseAnswerKeys(json);
  if (!sources) return undefined;
  return (now) => {
    const { facts } = useProgress.getState();
    if (last?.facts !== facts) last = { facts, cards: reviewState(facts, sources) };
    return dueCount(last.cards, now);
  };
}
