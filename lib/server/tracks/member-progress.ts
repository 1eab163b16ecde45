import "server-only";
import { emptyFacts } from "@/lib/progress/types";
import { scoreOf } from "@/lib/progress/status";
import { buildTeamMatrix, type MatrixRow } from "@/lib/tracks/team";
import { type Actor, authorize } from "../authorize";
import { certificatesForTeam } from "../certificates/repository";
import type { Queryable } from "../db/types";
import { ProblemError } from "../http/problem";
import { getMember, getTeam, listMembers } from "../teams/queries";
import { assertDashboardAllowed, type HeldCertificate, type LoadFacts, lessonsToLoad, publishedTracksOf, teamTimeContext } from "./dashboard";
import { assessmentTakenAtOf, trackLessons } from "./lessons";
import { listTeamAssignments } from "./repository";

export interface QuizAttemptView {
  lessonId: string;
  lessonTitle: string;
  at: number;
  correct: number;
  total: number;
  score: number;
}

export interface MemberProgress {
  /** `timeZone`: the team's; due days are days there. */
  team: { id: string; name: string; timeZone: string };
  member: { memberId: string; userId: string; name: string };
  /** The member's rows: one per published track of this team they have. */
  rows: MatrixRow[];
  /** Their quiz attempts on the lessons of those tracks, newest first. Nothing else of theirs is shown. */
  attempts: QuizAttemptView[];
  lastActivityAt: number | null;
  certificates: HeldCertificate[];
}

const NOT_FOUND = "No such member in this team.";

/**
 * One member's progress as a lead of the team sees it: only what this team assigns them
 * (progress.view through this team), never their other lessons or another team's tracks.
 */
export async function loadMemberProgress(db: Queryable, actor: Actor, teamId: string, memberId: string, now: Date, loadFacts: LoadFacts): Promise<MemberProgress> {
  assertDashboardAllowed(actor, teamId);
  const [team, membership] = await Promise.all([getTeam(db, teamId), getMember(db, memberId)]);
  if (!team || !membership || membership.teamId !== teamId) throw new ProblemError("not-found", NOT_FOUND);
  const view = authorize(actor, { kind: "progress.view", subjectUserId: membership.userId, subjectTeams: new Map([[teamId, membership.role]]) });
  if (!view.allowed) throw new ProblemError("not-found", NOT_FOUND);

  const [members, tracks, assignments, lessons] = await Promise.all([listMembers(db, teamId), publishedTracksOf(db, teamId), listTeamAssignments(db, teamId), trackLessons()]);
  const person = members.find((m) => m.memberId === memberId);
  if (!person) throw new ProblemError("not-found", NOT_FOUND);
  const trackIds = new Set(tracks.map((t) => t.id));
  const theirs = assignments.filter((a) => a.memberId === memberId && trackIds.has(a.trackId));
  const theirTracks = tracks.filter((t) => theirs.some((a) => a.trackId === t.id));
  const facts = theirTracks.length === 0 ? emptyFacts() : ((await loadFacts(db, [person.userId], lessonsToLoad(theirTracks))).get(person.userId) ?? emptyFacts());
  const rows = buildTeamMatrix({
    tracks: theirTracks,
    lessons,
    members: [{ id: person.userId, name: person.name, facts, assessmentTakenAt: assessmentTakenAtOf(facts) }],
    assignments: theirs.map((a) => ({ memberId: person.userId, trackId: a.trackId, startedAt: a.startedAt.getTime() })),
    time: teamTimeContext(team, now),
  });
  const assigned = new Set(theirTracks.flatMap((t) => t.steps.map((s) => s.lessonId)));
  const attempts = Object.values(facts.attempts)
    .filter((a) => assigned.has(a.lessonId))
    .map((a) => ({ lessonId: a.lessonId, lessonTitle: lessons.get(a.lessonId)?.title ?? a.lessonId, at: a.at.wall, correct: a.correct, total: a.total, score: scoreOf(a) }))
    .sort((a, b) => b.at - a.at);
  const lastActivityAt = rows.reduce<number | null>((latest, r) => (r.progress.lastActivityAt !== null && (latest === null || r.progress.lastActivityAt > latest) ? r.progress.lastActivityAt : latest), null);
  const held = await certificatesForTeam(db, teamId, [person.userId]);
  return {
    team: { id: team.id, name: team.name, timeZone: team.timeZone },
    member: { memberId, userId: person.userId, name: person.name },
    rows,
    attempts,
    lastActivityAt,
    certificates: held.map((c) => ({ userId: c.userId, trackId: c.track.trackId, certificateId: c.id, issuedAt: c.issuedAt.getTime() })),
  };
}
