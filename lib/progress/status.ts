/** Everything the learner sees about their progress, derived from facts, never stored. */
import type { LessonStatus, ProgressFacts, QuizAttempt } from "./types";

/** A lesson's quiz is passed at this share of questions right: the one pass mark. */
export const PASS_MARK = 0.8;

/** What status derivation needs to know of a lesson: its checklist and whether it has a quiz. */
export interface LessonShape {
  id: string;
  checklistIds: readonly string[];
  hasQuiz: boolean;
}

export function tickedCount(facts: ProgressFacts, lesson: LessonShape): number {
  const items = facts.checklist[lesson.id] ?? {};
  return lesson.checklistIds.filter((id) => items[id]?.value === true).length;
}

export function attemptsFor(facts: Pick<ProgressFacts, "attempts">, lessonId: string): QuizAttempt[] {
  return Object.values(facts.attempts)
    .filter((a) => a.lessonId === lessonId)
    .sort((a, b) => a.at.wall - b.at.wall || a.at.counter - b.at.counter);
}

export function scoreOf(attempt: Pick<QuizAttempt, "correct" | "total">): number {
  return attempt.total === 0 ? 0 : attempt.correct / attempt.total;
}

/** The best score as a fraction in [0, 1], or null when the quiz was never taken. */
export function bestScore(facts: Pick<ProgressFacts, "attempts">, lessonId: string): number | null {
  const scores = attemptsFor(facts, lessonId).map(scoreOf);
  return scores.length === 0 ? null : Math.max(...scores);
}

export function isPassing(score: number | null): boolean {
  return score !== null && score >= PASS_MARK;
}

/**
 * done: every checklist item ticked and the quiz passed. tested out: the learner marked it so
 * after the self-assessment found the practice known (and has not done it). skipped: the
 * learner said so (and has neither done nor tested out of it). in progress: anything
 * started. Opening a page marks nothing. The first that applies, in that order, wins.
 */
export function lessonStatus(facts: ProgressFacts, lesson: LessonShape): LessonStatus {
  const ticked = tickedCount(facts, lesson);
  const best = bestScore(facts, lesson.id);
  const checklistDone = ticked === lesson.checklistIds.length;
  const quizDone = !lesson.hasQuiz || isPassing(best);
  if (checklistDone && quizDone && (ticked > 0 || best !== null)) return "done";
  if (facts.testedOut[lesson.id]?.value === true) return "tested-out";
  if (facts.skipped[lesson.id]?.value === true) return "skipped";
  if (ticked > 0 || best !== null) return "in-progress";
  return "not-started";
}

/** Everything the learner sees about one lesson's progress. */
export interface LessonProgress {
  status: LessonStatus;
  ticked: number;
  /** Best quiz score in [0, 1], or null when the quiz was never taken. */
  best: number | null;
}

export function lessonProgress(facts: ProgressFacts, lesson: LessonShape): LessonProgress {
  return { status: lessonStatus(facts, lesson), ticked: tickedCount(facts, lesson), best: bestScore(facts, lesson.id) };
}

export interface Overall {
  done: number;
  inProgress: number;
  testedOut: number;
  skipped: number;
  total: number;
  itemsTicked: number;
  itemsTotal: number;
  /** Share of lessons done, 0..1. */
  completion: number;
}

export function overallProgress(facts: ProgressFacts, lessons: readonly LessonShape[]): Overall {
  const statuses = lessons.map((l) => lessonStatus(facts, l));
  const done = statuses.filter((s) => s === "done").length;
  return {
    done,
    inProgress: statuses.filter((s) => s === "in-progress").length,
    testedOut: statuses.filter((s) => s === "tested-out").length,
    skipped: statuses.filter((s) => s === "skipped").length,
    total: lessons.length,
    itemsTicked: lessons.reduce((n, l) => n + tickedCount(facts, l), 0),
    itemsTotal: lessons.reduce((n, l) => n + l.checklistIds.length, 0),
    completion: lessons.length === 0 ? 0 : done / lessons.length,
  };
}
