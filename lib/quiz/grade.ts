/** Grading quizzes: pure, all or nothing per question. */
import type { Question, Quiz } from "@/lib/content/schema";
import { PASS_MARK } from "@/lib/progress/status";
import type { Response } from "@/lib/progress/types";

export type Responses = Record<string, Response | undefined>;

/** What grading needs of a question: its id, type and answer key (no text). Every Question is one. */
export type AnswerKey = Question extends infer Q ? (Q extends Question ? Pick<Q, "id" | "type" | "answer"> : never) : never;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && set.size === b.length && new Set(b).size === b.length && b.every((x) => set.has(x));
}

/** Whether a response answers a question correctly; a missing or mistyped response is wrong. */
export function isCorrect(question: AnswerKey, response: Response | undefined): boolean {
  switch (question.type) {
    case "single":
      return response === question.answer;
    case "boolean":
      return response === question.answer;
    case "multiple":
      return Array.isArray(response) && sameSet(response, question.answer);
    case "order":
      return (
        Array.isArray(response) &&
        response.length === question.answer.length &&
        response.every((id, i) => id === question.answer[i])
      );
  }
}

/** Whether the learner has given an answer that can be submitted. */
export function isAnswered(question: Question, response: Response | undefined): boolean {
  switch (question.type) {
    case "single":
      return typeof response === "string";
    case "boolean":
      return typeof response === "boolean";
    case "multiple":
      return Array.isArray(response) && response.length > 0;
    case "order":
      return Array.isArray(response) && response.length === question.items.length;
  }
}

export interface Grade {
  /** Question id → answered correctly? */
  results: Record<string, boolean>;
  correct: number;
  total: number;
  /** correct / total, 0..1 */
  score: number;
  passed: boolean;
}

export function gradeQuiz(quiz: Quiz, responses: Responses): Grade {
  const results: Record<string, boolean> = {};
  for (const q of quiz.questions) results[q.id] = isCorrect(q, responses[q.id]);
  const correct = Object.values(results).filter(Boolean).length;
  const total = quiz.questions.length;
  const score = total === 0 ? 0 : correct / total;
  return { results, correct, total, score, passed: score >= PASS_MARK };
}

/** The starting response for an ordering question: the items in the order the author listed them. */
export function initialOrder(question: Extract<Question, { type: "order" }>): string[] {
  return question.items.map((item) => item.id);
}

/** Moves the item at `from` to `to` in an ordering response; out-of-range moves change nothing. */
export function moveItem(order: readonly string[], from: number, to: number): string[] {
  if (from < 0 || from >= order.length || to < 0 || to >= order.length || from === to) return [...order];
  const next = [...order];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as string);
  return next;
}
