/**
 * What a practice's answers in one sitting say about the learner: known, shaky, gap or
 * misconception. Pure; the table in docs/architecture.md and tests/unit/quiz/classify.test.ts
 * list every combination the diagnostic can produce.
 */
import type { Confidence } from "@/lib/progress/types";

export type PracticeClass = "known" | "shaky" | "gap" | "misconception";

/** What classification needs of an answer. */
export interface Graded {
  correct: boolean;
  confidence: Confidence;
}

/** Only "sure" counts as sure: "think so" and "guessing" are both unsure. */
export function isSure(answer: Graded): boolean {
  return answer.confidence === "sure";
}

/** Right and sure: the one answer that settles a practice by itself. */
export function isConfidentlyRight(answer: Graded): boolean {
  return answer.correct && isSure(answer);
}

/** What one answer alone would say. */
export function classifyAnswer(answer: Graded): PracticeClass {
  if (answer.correct) return isSure(answer) ? "known" : "shaky";
  return isSure(answer) ? "misconception" : "gap";
}

/**
 * How several answers to one practice combine, first rule that applies:
 * 1. misconception: any answer was wrong and sure (a confident wrong belief is never hidden);
 * 2. gap: at least as many answers wrong as right;
 * 3. shaky: any answer was wrong or unsure;
 * 4. known: every answer right and sure.
 * No answers: null (the practice was not assessed).
 */
export function classifyAnswers(answers: readonly Graded[]): PracticeClass | null {
  if (answers.length === 0) return null;
  if (answers.some((a) => !a.correct && isSure(a))) return "misconception";
  const right = answers.filter((a) => a.correct).length;
  if (answers.length - right >= right) return "gap";
  if (answers.some((a) => !isConfidentlyRight(a))) return "shaky";
  return "known";
}

/** From most to least in need of study: the study plan's order of groups. */
export const CLASS_ORDER: readonly PracticeClass[] = ["misconception", "gap", "shaky", "known"];

export type Change = "better" | "worse" | "same" | "new" | "not-assessed";

/** How a practice moved between two sittings; "new": assessed now but not then. */
export function changeBetween(before: PracticeClass | null, after: PracticeClass | null): Change {
  if (after === null) return "not-assessed";
  if (before === null) return "new";
  const delta = CLASS_ORDER.indexOf(before) - CLASS_ORDER.indexOf(after);
  return delta === 0 ? "same" : delta < 0 ? "better" : "worse";
}
