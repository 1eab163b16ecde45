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
  /** "Reset progress": every fact timestamped at or before this is gone. */
  resetAt: Timestamp | null;
}

export function emptyFacts(): ProgressFacts {
  return { checklist: {}, skipped: {}, attempts: {}, resetAt: null };
}

export type LessonStatus = "not-started" | "in-progress" | "done" | "skipped";
