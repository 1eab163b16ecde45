/**
 * Everything shown about one learner on one track, derived from their progress facts, the
 * track, when they started it and the current time. Nothing here is stored and nothing reads
 * a clock: the same inputs always give the same answer, on the learner's page, on a lead's
 * dashboard and in a certificate check.
 */
import { scoreOf } from "@/lib/progress/status";
import type { LessonStatus, ProgressFacts, QuizAttempt } from "@/lib/progress/types";
import { type Day, dayFromIsoDate, dayOf, isoDateOfDay, type TimeContext } from "./calendar";
import { EMPTY_LESSON_PROGRESS, type LessonProgress, lessonProgressOf } from "./lesson-progress";
import { ASSESSMENT_STEP, type Due, type TrackLesson, type TrackPlan } from "./types";

/**
 * What a learner has done: their facts (the browser, a certificate check), or each lesson's
 * progress already reduced (the server's lesson_progress rows, for a team). The
 * self-assessment is another feature's fact: the caller says when it was taken.
 */
export type LearnerState = { facts: ProgressFacts; assessmentTakenAt?: number | null } | { lessons: ReadonlyMap<string, LessonProgress>; assessmentTakenAt?: number | null };

/** A learner's progress by lesson, built once per learner so a team's matrix does not scan every fact for every step. */
export interface IndexedLearner {
  lessons: ReadonlyMap<string, LessonProgress>;
  assessmentTakenAt: number | null;
}

export function indexLearner(learner: LearnerState): IndexedLearner {
  const lessons = "facts" in learner ? lessonProgressOf(learner.facts) : learner.lessons;
  return { lessons, assessmentTakenAt: learner.assessmentTakenAt ?? null };
}

export type LessonLookup = ReadonlyMap<string, TrackLesson>;

export function lessonLookup(lessons: readonly TrackLesson[]): LessonLookup {
  return new Map(lessons.map((lesson) => [lesson.id, lesson]));
}

export interface StepProgress {
  /** The lesson id, or ASSESSMENT_STEP. */
  key: string;
  /** 1-based place on the path. */
  position: number;
  kind: "assessment" | "lesson";
  lessonId: string | null;
  /** The lesson's title ("Self-assessment" for the assessment; the id when the lesson is unknown). */
  title: string;
  /** As for a lesson, but "done" is judged under the track's pass mark. */
  status: LessonStatus;
  ticked: number;
  checklistTotal: number;
  /** Best quiz score in [0, 1]; null when never attempted (and for the assessment). */
  best: number | null;
  /** Whether the best score reaches the track's pass mark (true for a lesson without a quiz). */
  passed: boolean;
  due: Due;
  dueDay: Day | null;
  /** YYYY-MM-DD in the learner's calendar, or null. */
  dueDate: string | null;
  /** Days from today to the due day: 0 is due today, negative is past. Null without a due day. */
  daysLeft: number | null;
  /** Not done and its due day has passed. */
  overdue: boolean;
  /** When the step became done (epoch ms), from the facts' timestamps; null when not done. */
  completedAt: number | null;
  /** Done, but on a day after its due day. */
  doneLate: boolean;
  /** Days after the due day that it was done; 0 unless doneLate. */
  daysLate: number;
  /** The latest fact about this step (a tick, an untick, an attempt, a skip); null when none. */
  lastActivityAt: number | null;
}

export interface TrackProgress {
  trackId: string;
  passMark: number;
  /** When the learner started the track (assignment or "follow"); null when they have not. */
  startedAt: number | null;
  today: Day;
  steps: StepProgress[];
  /** The first step on the path that is not done: where the learner is. Null when complete. */
  next: StepProgress | null;
  done: number;
  total: number;
  /** done / total, 0..1 (0 for an empty track). */
  fraction: number;
  complete: boolean;
  /** When the last remaining step became done; null until complete. */
  completedAt: number | null;
  /** How many steps are overdue; a learner is on track when none is. */
  overdue: number;
  onTrack: boolean;
  doneLate: number;
  /** Whether any step has been started (ticked, attempted or done). */
  started: boolean;
  lastActivityAt: number | null;
}

export interface DeriveInput {
  track: TrackPlan;
  lessons: LessonLookup;
  /** An IndexedLearner is a LearnerState too: indexing it again costs nothing. */
  learner: LearnerState;
  startedAt: number | null;
  time: TimeContext;
}

/** Exact integer comparison: 7 of 10 reaches a 70% pass mark, with no floating-point doubt. */
export function reachesPassMark(attempt: Pick<QuizAttempt, "correct" | "total">, passMark: number): boolean {
  return attempt.correct * 100 >= passMark * attempt.total;
}

export function dueDayOf(due: Due, startDay: Day | null): Day | null {
  switch (due.kind) {
    case "none":
      return null;
    case "date":
      return dayFromIsoDate(due.date);
    case "days":
      return startDay === null ? null : startDay + due.days;
  }
}

interface Core {
  status: LessonStatus;
  ticked: number;
  checklistTotal: number;
  best: number | null;
  passed: boolean;
  completedAt: number | null;
  lastActivityAt: number | null;
}

/** A lesson step: done when every checklist item is ticked and some attempt reaches the pass mark. */
function lessonCore(progress: LessonProgress, lesson: TrackLesson, passMark: number): Core {
  // Only the wall times of timestamps are shown, and the latest (or earliest) timestamp
  // always has the latest (or earliest) wall time, so walls are all this needs.
  let ticked = 0;
  let lastTick: number | null = null;
  let activity: number | null = null;
  for (const id of lesson.checklistIds) {
    const register = progress.checklist[id];
    if (!register) continue;
    activity = latest(activity, register.at.wall);
    if (register.value) {
      ticked++;
      lastTick = latest(lastTick, register.at.wall);
    }
  }
  const { records } = progress;
  const top = records.at(-1);
  const best = top ? scoreOf({ correct: top[0], total: top[1] }) : null;
  // The first attempt to reach the pass mark scored higher than every earlier one, so it is a record.
  const firstPass = records.find(([correct, total]) => reachesPassMark({ correct, total }, passMark))?.[2] ?? null;
  activity = latest(activity, progress.lastAttemptAt);
  const skip = progress.skipped;
  if (skip) activity = latest(activity, skip.at.wall);

  const checklistDone = ticked === lesson.checklistIds.length;
  const passed = !lesson.hasQuiz || firstPass !== null;
  const started = ticked > 0 || best !== null;
  // It became done when the last of its conditions came true: the last tick that completed
  // the checklist, or the first attempt that reached the pass mark, whichever was later.
  const completed = checklistDone && passed && started ? latest(lastTick, lesson.hasQuiz ? firstPass : null) : null;
  let status: LessonStatus = "not-started";
  if (completed !== null) status = "done";
  else if (skip?.value === true) status = "skipped";
  else if (started) status = "in-progress";
  return {
    status,
    ticked,
    checklistTotal: lesson.checklistIds.length,
    best,
    passed,
    completedAt: completed,
    lastActivityAt: activity,
  };
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}

function assessmentCore(learner: IndexedLearner): Core {
  const at = learner.assessmentTakenAt;
  return {
    status: at === null ? "not-started" : "done",
    ticked: 0,
    checklistTotal: 0,
    best: null,
    passed: at !== null,
    completedAt: at,
    lastActivityAt: at,
  };
}

const UNKNOWN_LESSON_CORE: Core = {
  status: "not-started",
  ticked: 0,
  checklistTotal: 0,
  best: null,
  passed: false,
  completedAt: null,
  lastActivityAt: null,
};

export function deriveTrackProgress({ track, lessons, learner, startedAt, time }: DeriveInput): TrackProgress {
  const indexed = indexLearner(learner);
  const zone = time.timeZone;
  const today = dayOf(time.now, zone);
  const startDay = startedAt === null ? null : dayOf(startedAt, zone);

  const steps: StepProgress[] = [];
  // Objects are built field by field rather than spread: this runs 10,000 times for a
  // lead's dashboard of 500 members, and spreads cost more than the arithmetic.
  const add = (key: string, kind: StepProgress["kind"], lessonId: string | null, title: string, due: Due, core: Core) => {
    const dueDay = dueDayOf(due, startDay);
    const done = core.status === "done";
    const doneDay = core.completedAt === null ? null : dayOf(core.completedAt, zone);
    const daysLate = done && dueDay !== null && doneDay !== null && doneDay > dueDay ? doneDay - dueDay : 0;
    steps.push({
      key,
      position: steps.length + 1,
      kind,
      lessonId,
      title,
      status: core.status,
      ticked: core.ticked,
      checklistTotal: core.checklistTotal,
      best: core.best,
      passed: core.passed,
      due,
      dueDay,
      dueDate: dueDay === null ? null : isoDateOfDay(dueDay),
      daysLeft: dueDay === null ? null : dueDay - today,
      overdue: !done && dueDay !== null && today > dueDay,
      completedAt: core.completedAt,
      doneLate: daysLate > 0,
      daysLate,
      lastActivityAt: core.lastActivityAt,
    });
  };
  if (track.assessment) add(ASSESSMENT_STEP, "assessment", null, "Self-assessment", track.assessment.due, assessmentCore(indexed));
  for (const step of track.steps) {
    const lesson = lessons.get(step.lessonId);
    // A lesson the app does not know (a team track older than a content change) is shown, never done.
    const core = lesson ? lessonCore(indexed.lessons.get(lesson.id) ?? EMPTY_LESSON_PROGRESS, lesson, track.passMark) : UNKNOWN_LESSON_CORE;
    add(step.lessonId, "lesson", step.lessonId, lesson?.title ?? step.lessonId, step.due, core);
  }

  const doneSteps = steps.filter((s) => s.status === "done");
  const complete = steps.length > 0 && doneSteps.length === steps.length;
  const overdue = steps.filter((s) => s.overdue).length;
  const lastActivityAt = steps.reduce<number | null>(
    (latest, s) => (s.lastActivityAt !== null && (latest === null || s.lastActivityAt > latest) ? s.lastActivityAt : latest),
    null,
  );
  return {
    trackId: track.id,
    passMark: track.passMark,
    startedAt,
    today,
    steps,
    next: steps.find((s) => s.status !== "done") ?? null,
    done: doneSteps.length,
    total: steps.length,
    fraction: steps.length === 0 ? 0 : doneSteps.length / steps.length,
    complete,
    completedAt: complete ? Math.max(...doneSteps.map((s) => s.completedAt ?? 0)) : null,
    overdue,
    onTrack: overdue === 0,
    doneLate: steps.filter((s) => s.doneLate).length,
    started: steps.some((s) => s.status === "done" || s.ticked > 0 || s.best !== null),
    lastActivityAt,
  };
}
