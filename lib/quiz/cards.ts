/**
 * Spaced-review cards, derived from the learner's facts and the current content, never
 * stored. A question becomes a card when:
 * - a lesson-quiz attempt answered it wrong (graded again against the current answer key:
 *   attempts store responses, not per-question results; the lesson quiz asks no confidence);
 * - a self-assessment answer to it was wrong or unsure (as graded when answered);
 * - the learner asked to review the whole quiz of its lesson (reviewLessons).
 * It is a card from the earliest of these. Questions no longer in the content are left out
 * (their facts stay, and come back if the question does).
 */
import type { Timestamp } from "@/lib/progress/clock";
import { compareTimestamps } from "@/lib/progress/clock";
import type { ProgressFacts } from "@/lib/progress/types";
import { isConfidentlyRight } from "./classify";
import { type AnswerKey, isCorrect } from "./grade";

/** What card derivation needs of a lesson: the answer keys of its quiz and the ids of its diagnostic. */
export interface CardSource {
  id: string;
  quiz: readonly AnswerKey[];
  diagnostic: readonly { id: string }[];
}

export type CardOrigin = "quiz" | "diagnostic";

export interface Card {
  /** `lessonId/questionId`: question ids are unique within a lesson's quiz and diagnostic together. */
  key: string;
  lessonId: string;
  questionId: string;
  origin: CardOrigin;
  /** When it became a card. */
  since: Timestamp;
}

export function cardKey(lessonId: string, questionId: string): string {
  return `${lessonId}/${questionId}`;
}

type CardFacts = Pick<ProgressFacts, "attempts" | "answers" | "reviewLessons">;

export function deriveCards(facts: CardFacts, sources: readonly CardSource[]): Card[] {
  const byLesson = new Map(sources.map((s) => [s.id, s]));
  const found = new Map<string, Card>();
  const add = (lessonId: string, questionId: string, origin: CardOrigin, since: Timestamp) => {
    const key = cardKey(lessonId, questionId);
    const known = found.get(key);
    if (!known || compareTimestamps(since, known.since) < 0) found.set(key, { key, lessonId, questionId, origin, since });
  };

  for (const attempt of Object.values(facts.attempts)) {
    const source = byLesson.get(attempt.lessonId);
    for (const question of source?.quiz ?? []) {
      const response = attempt.responses[question.id];
      if (response !== undefined && !isCorrect(question, response)) add(attempt.lessonId, question.id, "quiz", attempt.at);
    }
  }
  for (const answer of Object.values(facts.answers)) {
    const inBank = byLesson.get(answer.lessonId)?.diagnostic.some((q) => q.id === answer.questionId);
    if (inBank && !isConfidentlyRight(answer)) add(answer.lessonId, answer.questionId, "diagnostic", answer.at);
  }
  for (const [lessonId, register] of Object.entries(facts.reviewLessons)) {
    if (!register.value) continue;
    for (const question of byLesson.get(lessonId)?.quiz ?? []) add(lessonId, question.id, "quiz", register.at);
  }

  // Curriculum order, then the order the questions are written in: stable across renders.
  const position = new Map<string, number>();
  sources.forEach((s, i) => {
    s.quiz.forEach((q, k) => position.set(cardKey(s.id, q.id), i * 1000 + k));
    s.diagnostic.forEach((q, k) => position.set(cardKey(s.id, q.id), i * 1000 + 500 + k));
  });
  return [...found.values()].sort((a, b) => (position.get(a.key) ?? 0) - (position.get(b.key) ?? 0));
}
