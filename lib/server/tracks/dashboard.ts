import "server-only";
import type { ProgressFacts } from "@/lib/progress/types";
import type { TimeContext } from "@/lib/tracks/calendar";
import { type TeamSummary, summarizeMatrix } from "@/lib/tracks/summary";
import { matrixToCsv } from "@/lib/tracks/csv";
import { type DashboardQuery, filterOf, sortOf } from "@/lib/tracks/dashboard-query";
import { type Assignment, buildTeamMatrix, filterMatrix, type MatrixRow, sortMatrix, type TeamMember } from "@/lib/tracks/team";
import type { LessonProgress } from "@/lib/tracks/lesson-progress";
import type { Track, TrackPlan } from "@/lib/tracks/types";
import { type Actor, authorize } from "../authorize";
import { certificatesForTeam } from "../certificates/repository";
import type { Queryable } from "../db/types";
import { assertAllowed } from "../http/deny";
import { ProblemError } from "../http/problem";
import { getTeam, listMembers, type TeamMember as TeamMembership } from "../teams/queries";
import { assessmentTakenAtOfUsers, loadLessonProgress } from "./lesson-progress";
import { trackLessons } from "./lessons";
import { getTrackRevision, listTeamAssignments, listTeamTracks } from "./repository";

export type LoadFacts = (db: Queryable, userIds: readonly string[], lessonIds?: readonly string[]) => Promise<Map<string, ProgressFacts>>;

/** Who holds a certificate for which of the team's tracks. */
export interface HeldCertificate {
  userId: string;
  trackId: string;
  certificateId: string;
  issuedAt: number;
}

export interface TeamDashboard {
  /** `timeZone`: the team's; the matrix's due days are days there. */
  team: { id: string; name: string; timeZone: string };
  /** The team's published tracks, as their members have them (the latest published revision). */
  tracks: Track[];
  members: TeamMembership[];
  /** One row per member and published track they have; member ids are user ids. */
  rows: MatrixRow[];
  summary: TeamSummary;
  certificates: HeldCertificate[];
  time: TimeContext;
}

/**
 * The time a team's progress is derived at: due days are days in the team's zone, the same
 * calendar its learners' pages use for its tracks, so "overdue" turns at one moment for all.
 */
export function teamTimeContext(team: { timeZone: string }, now: Date): TimeContext {
  return { now: now.getTime(), timeZone: team.timeZone };
}

/** Throws the right problem unless `actor` may see this team's dashboard (a lead or owner of it). */
export function assertDashboardAllowed(actor: Actor, teamId: string): void {
  assertAllowed(authorize(actor, { kind: "team.dashboard", teamId }));
}

/** The lessons these tracks have as steps. */
function lessonsOf(tracks: readonly TrackPlan[]): string[] {
  return [...new Set(tracks.flatMap((t) => t.steps.map((s) => s.lessonId)))];
}

/** The lessons whose facts these tracks need; undefined (all) when one has the self-assessment step, whose answers span lessons. */
export function lessonsToLoad(tracks: readonly TrackPlan[]): string[] | undefined {
  if (tracks.some((t) => t.assessment)) return undefined;
  return [...new Set(tracks.flatMap((t) => t.steps.map((s) => s.lessonId)))];
}

/** The published tracks of a team, each as its latest published revision. */
export async function publishedTracksOf(db: Queryable, teamId: string): Promise<Track[]> {
  const published = (await listTeamTracks(db, teamId)).filter((t) => t.status === "published" && t.revision > 0);
  const tracks = await Promise.all(published.map(async (t) => (await getTrackRevision(db, t.track.id, t.revision)) ?? t.track));
  return tracks.sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * Everything the lead's dashboard shows, for one team: authorized first, then the members,
 * the published tracks and who has them, every member's lesson_progress rows in one query, and
 * the matrix and summary from lib/tracks (so they agree with what each learner sees).
 */
export async function loadTeamDashboard(db: Queryable, actor: Actor, teamId: string, now: Date): Promise<TeamDashboard> {
  assertDashboardAllowed(actor, teamId);
  const team = await getTeam(db, teamId);
  if (!team) throw new ProblemError("not-found", "No such team, or you are not in it.");
  const [members, tracks, assignments, lessons] = await Promise.all([listMembers(db, teamId), publishedTracksOf(db, teamId), listTeamAssignments(db, teamId), trackLessons()]);

  const trackIds = new Set(tracks.map((t) => t.id));
  const mine: Assignment[] = assignments
    .filter((a) => trackIds.has(a.trackId))
    .map((a) => ({ memberId: a.userId, trackId: a.trackId, startedAt: a.startedAt.getTime() }));
  const userIds = members.map((m) => m.userId);
  const none = mine.length === 0;
  const [progress, assessed, held] = await Promise.all([
    none ? new Map<string, Map<string, LessonProgress>>() : loadLessonProgress(db, userIds, lessonsOf(tracks)),
    none || !tracks.some((t) => t.assessment) ? new Map<string, number>() : assessmentTakenAtOfUsers(db, userIds),
    certificatesForTeam(db, teamId, userIds),
  ]);
  const learners: TeamMember[] = members.map((m) => ({
    id: m.userId,
    name: m.name,
    lessons: progress.get(m.userId) ?? new Map(),
    assessmentTakenAt: assessed.get(m.userId) ?? null,
  }));
  const time = teamTimeContext(team, now);
  const rows = buildTeamMatrix({ tracks, lessons, members: learners, assignments: mine, time });
  return {
    team: { id: team.id, name: team.name, timeZone: team.timeZone },
    tracks,
    members,
    rows,
    summary: summarizeMatrix(rows),
    certificates: held.map((c) => ({ userId: c.userId, trackId: c.track.trackId, certificateId: c.id, issuedAt: c.issuedAt.getTime() })),
    time,
  };
}

/**
 * The rows of the page's tables, in their order: the tracks shown (every one, or the one the
 * query names), each with its rows filtered and sorted by the query; `rows` is them one track
 * after another. The page and the JSON answer page this one list, so a page is a stretch of the
 * whole and page N is the same rows in both.
 */
export function matrixInTableOrder(dashboard: TeamDashboard, query: DashboardQuery): { tracks: Track[]; rowsOfTrack: Map<string, MatrixRow[]>; rows: MatrixRow[] } {
  const rows = rowsForQuery(dashboard.rows, query);
  const tracks = dashboard.tracks.filter((t) => !query.trackId || t.id === query.trackId);
  const rowsOfTrack = new Map(tracks.map((t) => [t.id, rows.filter((r) => r.track.id === t.id)]));
  return { tracks, rowsOfTrack, rows: tracks.flatMap((t) => rowsOfTrack.get(t.id) ?? []) };
}

/** The rows a view shows: filtered and sorted by the dashboard's query (lib/tracks). */
export function rowsForQuery(rows: readonly MatrixRow[], query: DashboardQuery): MatrixRow[] {
  return sortMatrix(filterMatrix(rows, filterOf(query)), sortOf(query));
}

/** A file name for the CSV: the team's name in ASCII letters and digits, and the day. */
export function csvFileName(teamName: string, now: Date): string {
  const slug = teamName.normalize("NFKD").replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "").toLowerCase().slice(0, 40) || "team";
  return `${slug}-progress-${now.toISOString().slice(0, 10)}.csv`;
}

/** The dashboard as a CSV download: a byte-order mark so spreadsheet programs read UTF-8 names right. */
export function dashboardCsvResponse(dashboard: TeamDashboard, query: DashboardQuery, now: Date): Response {
  const body = `\uFEFF${matrixToCsv(rowsForQuery(dashboard.rows, query), dashboard.team.timeZone)}`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csvFileName(dashboard.team.name, now)}"`,
      "x-content-type-options": "nosniff",
    },
  });
}
