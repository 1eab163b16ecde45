/**
 * The track model, shared by built-in tracks (content/tracks/*.yaml) and team tracks (made
 * by leads, stored on the server). A track is an ordered path of lessons with, per step, an
 * optional due date and a note, and one pass mark for the whole track.
 */

/**
 * When a step is due. A date is a calendar date (YYYY-MM-DD) in the learner's time zone;
 * `days` counts calendar days from the day the learner started the track (was assigned it,
 * or chose to follow it): 0 is that same day.
 */
export type Due = { kind: "none" } | { kind: "date"; date: string } | { kind: "days"; days: number };

/** What derivation needs of a step: the lesson and when it is due. */
export interface StepPlan {
  lessonId: string;
  due: Due;
}

/** What derivation needs of a track. A title and notes are for people, not for the arithmetic. */
export interface TrackPlan {
  id: string;
  /**
   * Whole percent, 0–100: a step is done when its checklist is complete and its best quiz
   * score reaches this. Integer so that "7 of 10 reaches 70%" is exact arithmetic.
   */
  passMark: number;
  /** The self-assessment as a first step, before the lessons; null when the track has none. */
  assessment: { due: Due } | null;
  steps: StepPlan[];
}

/** A plan with its title: what a page needs to show progress without the prose. */
export interface TrackOutline extends TrackPlan {
  title: string;
}

export interface TrackStep extends StepPlan {
  /** Why this step is on the path, for the learner. */
  note: string;
}

/** A complete track, as authored. */
export interface Track extends TrackOutline {
  summary: string;
  assessment: { due: Due; note: string } | null;
  steps: TrackStep[];
}

/** What derivation needs of a lesson (a LessonSummary has it all). */
export interface TrackLesson {
  id: string;
  title: string;
  checklistIds: readonly string[];
  hasQuiz: boolean;
}

/** The key of the assessment step; lesson steps are keyed by their lesson id. */
export const ASSESSMENT_STEP = "self-assessment";

/** The outline of a track, without its prose: small enough to hand to a client island. */
export function outlineOf(track: TrackOutline): TrackOutline {
  return {
    id: track.id,
    title: track.title,
    passMark: track.passMark,
    assessment: track.assessment ? { due: track.assessment.due } : null,
    steps: track.steps.map((s) => ({ lessonId: s.lessonId, due: s.due })),
  };
}

/** Just what derivation needs of a lesson, so a client island is not handed whole summaries. */
export function trackLessonOf(lesson: TrackLesson): TrackLesson {
  return { id: lesson.id, title: lesson.title, checklistIds: lesson.checklistIds, hasQuiz: lesson.hasQuiz };
}

/** The last "days after starting" due day on a track: how long it is paced over; null when unpaced. */
export function pacedOverDays(track: TrackPlan): number | null {
  const days = [track.assessment?.due, ...track.steps.map((s) => s.due)].flatMap((due) => (due?.kind === "days" ? [due.days] : []));
  return days.length === 0 ? null : Math.max(...days);
}
