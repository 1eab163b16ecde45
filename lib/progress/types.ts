import type { Timestamp } from "./clock";

/** A last-writer-wins register: the value written with the latest timestamp wins. */
export interface Register<T> {
  value: T;
  at: Timestamp;
}

/** What a learner answered to one question. */
export type Response = string | string[] | boolean;

/** One submitted quiz attempt: an immutable record, like a receipt. */
export interface QuizAttempt {
  id: string;
  lessonId: string;
  at: Timestamp;
  /** Question id → the learner's response. */
  responses: Record<string, Response>;
  /** The result as graded when submitted. */
  correct: number;
  total: number;
}

/** How sure the learner said they were of an answer: three levels, asked with every diagnostic and review answer. */
export const CONFIDENCES = ["sure", "think", "guess"] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** A graded answer to one question of a lesson: what self-assessment answers and reviews share. */
interface GradedAnswer {
  id: string;
  lessonId: string;
  questionId: string;
  response: Response;
  confidence: Confidence;
  /** Right or wrong as graded when answered, like a quiz attempt's score. */
  correct: boolean;
  at: Timestamp;
}

/** One answer given in the self-assessment: an immutable record of what was asked and said. */
export interface AssessmentAnswer extends GradedAnswer {
  /** The sitting (one run of the diagnostic) this answer belongs to: a random id. */
  sittingId: string;
}

/** One review of a card (a question of a lesson's quiz or diagnostic): an immutable record. */
export type ReviewEvent = GradedAnswer;

/**
 * The learner's facts. Every field merges without loss (see merge.ts); everything shown to
 * the learner (status, counts, best scores) is derived from these and never stored.
 */
export interface ProgressFacts {
  /** lessonId → checklist item id → ticked? */
  checklist: Record<string, Record<string, Register<boolean>>>;
  /** lessonId → skipped on purpose? */
  skipped: Record<string, Register<boolean>>;
  /** attempt id → attempt (append-only). */
  attempts: Record<string, QuizAttempt>;
  /** lessonId → marked tested out after the self-assessment found it known? */
  testedOut: Record<string, Register<boolean>>;
  /** lessonId → the learner asked to review every question of this lesson's quiz? */
  reviewLessons: Record<string, Register<boolean>>;
  /** answer id → a self-assessment answer (append-only). */
  answers: Record<string, AssessmentAnswer>;
  /** event id → a review of a card (append-only). */
  reviews: Record<string, ReviewEvent>;
  /** "Reset progress": every fact timestamped at or before this is gone. */
  resetAt: Timestamp | null;
}

export function emptyFacts(): ProgressFacts {
  return { checklist: {}, skipped: {}, attempts: {}, testedOut: {}, reviewLessons: {}, answers: {}, reviews: {}, resetAt: null };
}

/**
 * A lesson's status, derived by lessonStatus (status.ts). "tested-out": the learner took the
 * self-assessment, it found the practice known, and they chose to mark it so; it is neither
 * "done" (the checklist and quiz were not completed) nor "skipped" (they showed they know it).
 */
export type LessonStatus = "not-started" | "in-progress" | "done" | "tested-out" | "skipped";
