/**
 * A learner's progress on one lesson, reduced to what every track derivation needs, whatever
 * the track's pass mark and whatever the lesson's checklist says today. deriveTrackProgress
 * works on these; the browser builds them from its facts (lessonProgressOf), and the server
 * keeps one row per (user, lesson) in step with the synced facts (lesson_progress,
 * lib/server/tracks/lesson-progress.ts), so a lead's dashboard reads 20 small rows per member
 * instead of every fact. Both must give equal values for the same facts
 * (tests/server/lesson-progress.test.ts).
 */
import { compareTimestamps } from "@/lib/progress/clock";
import type { ProgressFacts, QuizAttempt } from "@/lib/progress/types";

/**
 * A register as derivation needs it: its value and the wall time of its timestamp. A fact's own
 * Register is one (the browser passes its registers as they are, without copying).
 */
export interface WallRegister {
  readonly value: boolean;
  readonly at: { readonly wall: number };
}

/** A quiz attempt as derivation needs it. */
export type AttemptRecord = readonly [correct: number, total: number, wall: number];

export interface LessonProgress {
  /** Every checklist register of the lesson, ticked or not, by item id (items no longer in the lesson included). */
  checklist: Readonly<Record<string, WallRegister>>;
  skipped: WallRegister | null;
  /**
   * The attempts that scored strictly higher than every earlier one, oldest first ("records").
   * The first attempt to reach any pass mark is one of them (all before it scored lower), and
   * the last one holds the best score, so nothing a track asks of the quiz is lost.
   */
  records: readonly AttemptRecord[];
  /** The wall time of the latest attempt; null when none. */
  lastAttemptAt: number | null;
}

export const EMPTY_LESSON_PROGRESS: LessonProgress = { checklist: {}, skipped: null, records: [], lastAttemptAt: null };

const NO_ITEMS: Readonly<Record<string, WallRegister>> = {};

/**
 * Whether attempt a scored strictly higher than b, in exact integer arithmetic. A total is
 * positive (attemptSchema); a total of 0 counts as 1 here, as in the server's query.
 */
export function scoresHigher(a: Pick<QuizAttempt, "correct" | "total">, b: Pick<QuizAttempt, "correct" | "total">): boolean {
  return a.correct * Math.max(b.total, 1) > b.correct * Math.max(a.total, 1);
}

/** Attempts in the order the server sorts them: by timestamp, then by id (code unit order, as `collate "C"`). */
function byTime(a: QuizAttempt, b: QuizAttempt): number {
  return compareTimestamps(a.at, b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function recordsOf(attempts: QuizAttempt[]): { records: AttemptRecord[]; lastAttemptAt: number | null } {
  if (attempts.length > 1) attempts.sort(byTime);
  const records: AttemptRecord[] = [];
  let best: QuizAttempt | null = null;
  for (const attempt of attempts) {
    if (best === null || scoresHigher(attempt, best)) {
      records.push([attempt.correct, attempt.total, attempt.at.wall]);
      best = attempt;
    }
  }
  const last = attempts.at(-1);
  return { records, lastAttemptAt: last ? last.at.wall : null };
}

const NO_ATTEMPTS = { records: [], lastAttemptAt: null };

/**
 * Every lesson the facts say anything about (a checklist register, a skip, an attempt), each
 * reduced to its LessonProgress. One pass over the facts: a team's matrix calls this once per
 * member, so it keeps the facts' own registers (copying them into new objects tripled the
 * time a team's matrix takes) and uses plain loops.
 */
export function lessonProgressOf(facts: Pick<ProgressFacts, "checklist" | "skipped" | "attempts">): Map<string, LessonProgress> {
  const attemptsByLesson = new Map<string, QuizAttempt[]>();
  for (const id in facts.attempts) {
    const attempt = facts.attempts[id]!;
    const list = attemptsByLesson.get(attempt.lessonId);
    if (list) list.push(attempt);
    else attemptsByLesson.set(attempt.lessonId, [attempt]);
  }
  const result = new Map<string, LessonProgress>();
  const add = (lessonId: string) => {
    if (result.has(lessonId)) return;
    const attempts = attemptsByLesson.get(lessonId);
    const { records, lastAttemptAt } = attempts ? recordsOf(attempts) : NO_ATTEMPTS;
    result.set(lessonId, { checklist: facts.checklist[lessonId] ?? NO_ITEMS, skipped: facts.skipped[lessonId] ?? null, records, lastAttemptAt });
  };
  for (const lessonId in facts.checklist) add(lessonId);
  for (const lessonId in facts.skipped) add(lessonId);
  for (const lessonId of attemptsByLesson.keys()) add(lessonId);
  return result;
}
