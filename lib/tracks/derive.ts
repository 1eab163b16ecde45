/**
 * Everything shown about one learner on one track, derived from their progress facts, the
 * track, when they started it and the current time. Nothing here is stored and nothing reads
 * a clock: the same inputs always give the same answer, on the learner's page, on a lead's
 * dashboard and in a certificate check.
 */
import { compareTimestamps, type Timestamp } from "@/lib/progress/clock";
import { scoreOf } from "@/lib/progress/status";
import type { LessonStatus, ProgressFacts, QuizAttempt } from "@/lib/progress/types";
import { type Day, dayFromIsoDate, dayOf, isoDateOfDay, type TimeContext } from "./calendar";
import { ASSESSMENT_STEP, type Due, type TrackLesson, type TrackPlan } from "./types";

/** What a learner has done. The self-assessment is another feature's fact: the caller says when it was taken. */
export interface LearnerState {
  facts: ProgressFacts;
  assessmentTakenAt?: number | null;
}

/**
 * A learner's facts with their quiz attempts grouped by lesson, built once per learner so a
 * team's matrix does not scan every attempt for every step.
 */
export interface IndexedLearner {
  facts: ProgressFacts;
  assessmentTakenAt: number | null;
  attemptsByLesson: ReadonlyMap<string, readonly QuizAttempt[]>;
}

export function indexLearner(learner: LearnerState): IndexedLearner {
  const attemptsByLesson = new Map<string, QuizAttempt[]>();
  for (const attempt of Object.values(learner.facts.attempts)) {
    const list = attemptsByLesson.get(attempt.lessonId);
    if (list) list.push(attempt);
    else attemptsByLesson.set(attempt.lessonId, [attempt]);
  }
  return { facts: learner.facts, assessmentTakenAt: learner.assessmentTakenAt ?? null, attemptsByLesson };
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
  learner: IndexedLearner | LearnerState;
  startedAt: number | null;
  time: TimeContext;
}

function later(a: Timestamp | null, b: Timestamp | null): Timestamp | null {
  if (a === null) return b;
  if (b === null) return a;
  return compareTimestamps(a, b) >= 0 ? a : b;
}

function earlier(a: Timestamp | null, b: Timestamp): Timestamp {
  return a === null || compareTimestamps(b, a) < 0 ? b : a;
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
function lessonCore(learner: IndexedLearner, lesson: TrackLesson, passMark: number): Core {
  const items = learner.facts.checklist[lesson.id] ?? {};
  let ticked = 0;
  let lastTick: Timestamp | null = null;
  let activity: Timestamp | null = null;
  for (const id of lesson.checklistIds) {
    const register = items[id];
    if (!register) continue;
    activity = later(activity, register.at);
    if (register.value) {
      ticked++;
      lastTick = later(lastTick, register.at);
    }
  }
  let best: number | null = null;
  let firstPass: Timestamp | null = null;
  for (const attempt of learner.attemptsByLesson.get(lesson.id) ?? []) {
    const score = scoreOf(attempt);
    if (best === null || score > best) best = score;
    if (reachesPassMark(attempt, passMark)) firstPass = earlier(firstPass, attempt.at);
    activity = later(activity, attempt.at);
  }
  const skip = learner.facts.skipped[lesson.id];
  if (skip) activity = later(activity, skip.at);

  const checklistDone = ticked === lesson.checklistIds.length;
  const passed = !lesson.hasQuiz || firstPass !== null;
  const started = ticked > 0 || best !== null;
  // It became done when the last of its conditions came true: the last tick that completed
  // the checklist, or the first attempt that reached the pass mark, whichever was later.
  const completed = checklistDone && passed && started ? later(lastTick, lesson.hasQuiz ? firstPass : null) : null;
  let status: LessonStatus = "not-started";
  if (completed) status = "done";
  else if (skip?.value === true) status = "skipped";
  else if (started) status = "in-progress";
  return {
    status,
    ticked,
    checklistTotal: lesson.checklistIds.length,
    best,
    passed,
    completedAt: completed ? completed.wall : null,
    lastActivityAt: activity ? activity.wall : null,
  };
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

function isIndexed(learner: IndexedLearner | LearnerState): learner is IndexedLearner {
  return "attemptsByLesson" in learner;
}

export function deriveTrackProgress({ track, lessons, learner, startedAt, time }: DeriveInput): TrackProgress {
  const indexed = isIndexed(learner) ? learner : indexLearner(learner);
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
    const core = lesson ? lessonCore(indexed, lesson, track.passMark) : UNKNOWN_LESSON_CORE;
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
