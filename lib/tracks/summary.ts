/**
 * The summary above a lead's matrix: how far the team is, who is on track, and which lessons
 * the team finds hard (the median of members' best scores per lesson). Computed from the
 * matrix rows, so it always agrees with them.
 */
import type { MatrixRow } from "./team";

export interface LessonDifficulty {
  lessonId: string;
  title: string;
  /** Assigned steps with this lesson (a member with it in two tracks counts twice). */
  steps: number;
  done: number;
  overdue: number;
  /** Distinct members who have attempted its quiz. */
  attempted: number;
  /** Median of those members' best scores, in [0, 1]; null when nobody has attempted it. */
  medianBest: number | null;
}

export interface TeamSummary {
  /** Distinct members with at least one assigned track. */
  members: number;
  assignments: number;
  /** Assignments with every step done. */
  complete: number;
  stepsDone: number;
  stepsTotal: number;
  /** stepsDone / stepsTotal, 0..1. */
  completion: number;
  /** Members with no overdue step on any of their tracks. */
  membersOnTrack: number;
  overdueSteps: number;
  /** Lessons in the order they first appear on the tracks. */
  lessons: LessonDifficulty[];
}

/** The median of a list of numbers; null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function summarizeMatrix(rows: readonly MatrixRow[]): TeamSummary {
  const members = new Set<string>();
  const behind = new Set<string>();
  const lessons = new Map<string, Omit<LessonDifficulty, "attempted" | "medianBest"> & { best: Map<string, number> }>();
  let stepsDone = 0;
  let stepsTotal = 0;
  let complete = 0;
  let overdueSteps = 0;

  for (const row of rows) {
    const p = row.progress;
    members.add(row.member.id);
    if (p.overdue > 0) behind.add(row.member.id);
    if (p.complete) complete++;
    stepsDone += p.done;
    stepsTotal += p.total;
    overdueSteps += p.overdue;
    for (const step of p.steps) {
      if (step.lessonId === null) continue;
      let entry = lessons.get(step.lessonId);
      if (!entry) {
        entry = { lessonId: step.lessonId, title: step.title, steps: 0, done: 0, overdue: 0, best: new Map() };
        lessons.set(step.lessonId, entry);
      }
      entry.steps++;
      if (step.status === "done") entry.done++;
      if (step.overdue) entry.overdue++;
      // A best score belongs to the member, not the track: count each member once.
      if (step.best !== null) entry.best.set(row.member.id, step.best);
    }
  }

  return {
    members: members.size,
    assignments: rows.length,
    complete,
    stepsDone,
    stepsTotal,
    completion: stepsTotal === 0 ? 0 : stepsDone / stepsTotal,
    membersOnTrack: members.size - behind.size,
    overdueSteps,
    lessons: [...lessons.values()].map(({ best, ...entry }) => ({
      ...entry,
      attempted: best.size,
      medianBest: median([...best.values()]),
    })),
  };
}

/** Lessons the team finds hardest first: lowest median best score; lessons nobody attempted last. */
export function hardestLessons(lessons: readonly LessonDifficulty[]): LessonDifficulty[] {
  return [...lessons].sort((a, b) => {
    if (a.medianBest === b.medianBest) return 0;
    if (a.medianBest === null) return 1;
    if (b.medianBest === null) return -1;
    return a.medianBest - b.medianBest;
  });
}
