/**
 * The lead's view of a team: a matrix of members by steps, for every track assigned to them,
 * with sorting and filtering. Each row is exactly what deriveTrackProgress gives that member
 * on that track, so the dashboard can never disagree with what the learner sees.
 */
import type { TimeContext } from "./calendar";
import { deriveTrackProgress, indexLearner, type LearnerState, type LessonLookup, type TrackProgress } from "./derive";
import type { TrackOutline } from "./types";

export type TeamMember = LearnerState & {
  id: string;
  name: string;
};

/** A track given to a member, from a moment on (the start of its "days after" due dates). */
export interface Assignment {
  memberId: string;
  trackId: string;
  startedAt: number;
}

export interface MatrixRow {
  member: { id: string; name: string };
  track: { id: string; title: string };
  progress: TrackProgress;
}

export interface MatrixInput {
  tracks: readonly TrackOutline[];
  lessons: LessonLookup;
  members: readonly TeamMember[];
  assignments: readonly Assignment[];
  time: TimeContext;
}

/**
 * One row per assignment whose member and track are known, in the order of the
 * assignments. Each member's facts are indexed once, however many tracks they have.
 */
export function buildTeamMatrix({ tracks, lessons, members, assignments, time }: MatrixInput): MatrixRow[] {
  const trackById = new Map(tracks.map((t) => [t.id, t]));
  const memberById = new Map(members.map((m) => [m.id, m]));
  const indexed = new Map<string, ReturnType<typeof indexLearner>>();
  const rows: MatrixRow[] = [];
  for (const assignment of assignments) {
    const member = memberById.get(assignment.memberId);
    const track = trackById.get(assignment.trackId);
    if (!member || !track) continue;
    let learner = indexed.get(member.id);
    if (!learner) {
      learner = indexLearner(member);
      indexed.set(member.id, learner);
    }
    rows.push({
      member: { id: member.id, name: member.name },
      track: { id: track.id, title: track.title },
      progress: deriveTrackProgress({ track, lessons, learner, startedAt: assignment.startedAt, time }),
    });
  }
  return rows;
}

/** Which rows to keep. Every condition given must hold. */
export interface MatrixFilter {
  memberIds?: readonly string[];
  trackIds?: readonly string[];
  /** overdue: some step is overdue; not-started: nothing started yet; in-progress: started, not complete; complete: every step done. */
  state?: "overdue" | "not-started" | "in-progress" | "complete";
}

export function rowState(progress: TrackProgress): "not-started" | "in-progress" | "complete" {
  if (progress.complete) return "complete";
  return progress.started ? "in-progress" : "not-started";
}

export function filterMatrix(rows: readonly MatrixRow[], filter: MatrixFilter): MatrixRow[] {
  const members = filter.memberIds ? new Set(filter.memberIds) : null;
  const trackIds = filter.trackIds ? new Set(filter.trackIds) : null;
  return rows.filter((row) => {
    if (members && !members.has(row.member.id)) return false;
    if (trackIds && !trackIds.has(row.track.id)) return false;
    if (filter.state === "overdue") return row.progress.overdue > 0;
    if (filter.state) return rowState(row.progress) === filter.state;
    return true;
  });
}

export type MatrixSortKey =
  | { by: "member" | "track" | "progress" | "overdue" | "next-due" | "last-activity" }
  /** By one step's best quiz score: who finds this lesson hard. */
  | { by: "step-score"; stepKey: string };

export interface MatrixSort {
  key: MatrixSortKey;
  direction: "asc" | "desc";
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The value a row sorts by; null sorts last in either direction. */
function sortValue(row: MatrixRow, key: MatrixSortKey): string | number | null {
  const p = row.progress;
  switch (key.by) {
    case "member":
      return row.member.name;
    case "track":
      return row.track.title;
    case "progress":
      return p.fraction;
    case "overdue":
      return p.overdue;
    case "next-due": {
      const due = p.steps.filter((s) => s.status !== "done" && s.dueDay !== null).map((s) => s.dueDay ?? 0);
      return due.length === 0 ? null : Math.min(...due);
    }
    case "last-activity":
      return p.lastActivityAt;
    case "step-score":
      return p.steps.find((s) => s.key === key.stepKey)?.best ?? null;
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  return Number(a) - Number(b);
}

/** Sorted copy; ties fall back to member name, then track title, so the order is stable and total. */
export function sortMatrix(rows: readonly MatrixRow[], sort: MatrixSort): MatrixRow[] {
  const sign = sort.direction === "asc" ? 1 : -1;
  const keyed = rows.map((row) => ({ row, value: sortValue(row, sort.key) }));
  keyed.sort((x, y) => {
    if (x.value !== y.value) {
      if (x.value === null) return 1;
      if (y.value === null) return -1;
      const order = compareValues(x.value, y.value);
      if (order !== 0) return sign * order;
    }
    return (
      collator.compare(x.row.member.name, y.row.member.name) ||
      collator.compare(x.row.track.title, y.row.track.title) ||
      (x.row.member.id < y.row.member.id ? -1 : x.row.member.id > y.row.member.id ? 1 : 0) ||
      (x.row.track.id < y.row.track.id ? -1 : x.row.track.id > y.row.track.id ? 1 : 0)
    );
  });
  return keyed.map((k) => k.row);
}
