/**
 * How many review cards are due, for the header on every page. This module (and ts-fsrs with
 * it) is imported lazily, after the page has hydrated and only for a learner who has anything
 * that can make a card, so it adds nothing to a page's first load.
 */
import type { ProgressFacts } from "@/lib/progress/types";
import { parseAnswerKeys } from "./answer-keys";
import type { CardSource } from "./cards";
import { dueCount, reviewState } from "./review";

export { parseAnswerKeys };

export function countDue(facts: ProgressFacts, sources: readonly CardSource[], now: number): number {
  return dueCount(reviewState(facts, sources), now);
}
