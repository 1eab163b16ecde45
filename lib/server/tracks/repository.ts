import "server-only";
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Track } from "@/lib/tracks/types";
import { members, teamTrackAssignments, teamTrackRevisions, teamTracks, teamTrackViews, type TeamTrackStatus } from "../db/schema";
import type { Queryable } from "../db/types";

/**
 * Reads for team tracks and who has them. Callers authorize before showing any of it
 * (lib/server/authorize.ts). Writes are in ./commands.ts.
 */

export interface TeamTrack {
  /** The track in the lib/tracks model: its id is the row's id. */
  track: Track;
  teamId: string;
  status: TeamTrackStatus;
  /** The latest published revision; 0 while never published. */
  revision: number;
  /** Set while assigned to the whole team, members who join later included. */
  wholeTeamSince: Date | null;
  copiedFrom: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  archivedAt: Date | null;
}

type TrackRow = typeof teamTracks.$inferSelect;

function toTeamTrack(row: TrackRow): TeamTrack {
  return {
    track: { id: row.id, title: row.title, summary: row.summary, passMark: row.passMark, assessment: row.assessment ?? null, steps: row.steps },
    teamId: row.teamId,
    status: row.status,
    revision: row.revision,
    wholeTeamSince: row.wholeTeamSince,
    copiedFrom: row.copiedFrom,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    archivedAt: row.archivedAt,
  };
}

/** Every track of a team, any status, newest first. */
export async function listTeamTracks(db: Queryable, teamId: string): Promise<TeamTrack[]> {
  const rows = await db.select().from(teamTracks).where(eq(teamTracks.teamId, teamId)).orderBy(desc(teamTracks.createdAt), asc(teamTracks.id));
  return rows.map(toTeamTrack);
}

/** One track by id, whatever its team: callers check `teamId` against the team in the path. */
export async function getTeamTrack(db: Queryable, trackId: string): Promise<TeamTrack | null> {
  const rows = await db.select().from(teamTracks).where(eq(teamTracks.id, trackId));
  return rows[0] ? toTeamTrack(rows[0]) : null;
}

/** A published snapshot of a track, as a Track. */
export async function getTrackRevision(db: Queryable, trackId: string, revision: number): Promise<Track | null> {
  const rows = await db
    .select()
    .from(teamTrackRevisions)
    .where(and(eq(teamTrackRevisions.trackId, trackId), eq(teamTrackRevisions.revision, revision)));
  const row = rows[0];
  return row ? { id: row.trackId, title: row.title, summary: row.summary, passMark: row.passMark, assessment: row.assessment ?? null, steps: row.steps } : null;
}

/**
 * Someone having a track: from an explicit assignment ("member") or because the track is
 * assigned to the whole team ("team"). `startedAt` is where "days after" due dates count from:
 * the assignment's moment, or for the whole team the later of that moment and when they joined.
 * When both apply, the earlier start wins.
 */
export interface TrackAssignment {
  trackId: string;
  teamId: string;
  /** members.id of the membership. */
  memberId: string;
  userId: string;
  startedAt: Date;
  via: "member" | "team";
}

interface Membership {
  memberId: string;
  teamId: string;
  userId: string;
  joinedAt: Date;
}

async function effectiveAssignments(db: Queryable, memberships: Membership[]): Promise<TrackAssignment[]> {
  if (memberships.length === 0) return [];
  const byMemberId = new Map(memberships.map((m) => [m.memberId, m]));
  const teamIds = [...new Set(memberships.map((m) => m.teamId))];
  const [explicit, wholeTeam] = await Promise.all([
    db
      .select({ trackId: teamTrackAssignments.trackId, memberId: teamTrackAssignments.memberId, assignedAt: teamTrackAssignments.assignedAt })
      .from(teamTrackAssignments)
      .where(inArray(teamTrackAssignments.memberId, [...byMemberId.keys()])),
    db
      .select({ id: teamTracks.id, teamId: teamTracks.teamId, since: teamTracks.wholeTeamSince })
      .from(teamTracks)
      .where(and(inArray(teamTracks.teamId, teamIds), isNotNull(teamTracks.wholeTeamSince))),
  ]);
  const result = new Map<string, TrackAssignment>();
  const offer = (a: TrackAssignment) => {
    const key = `${a.trackId}\u0000${a.memberId}`;
    const existing = result.get(key);
    if (!existing || a.startedAt < existing.startedAt) result.set(key, a);
  };
  for (const row of explicit) {
    const m = byMemberId.get(row.memberId);
    if (m) offer({ trackId: row.trackId, teamId: m.teamId, memberId: m.memberId, userId: m.userId, startedAt: row.assignedAt, via: "member" });
  }
  for (const track of wholeTeam) {
    for (const m of memberships) {
      if (m.teamId !== track.teamId || !track.since) continue;
      const startedAt = m.joinedAt > track.since ? m.joinedAt : track.since;
      offer({ trackId: track.id, teamId: m.teamId, memberId: m.memberId, userId: m.userId, startedAt, via: "team" });
    }
  }
  return [...result.values()].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.trackId < b.trackId ? -1 : a.trackId > b.trackId ? 1 : 0));
}

const membershipColumns = { memberId: members.id, teamId: members.organizationId, userId: members.userId, joinedAt: members.createdAt };

/** Who in a team has which of its tracks (any status: filter on the track's status as needed). */
export async function listTeamAssignments(db: Queryable, teamId: string): Promise<TrackAssignment[]> {
  const memberships = await db.select(membershipColumns).from(members).where(eq(members.organizationId, teamId));
  return effectiveAssignments(db, memberships);
}

/** Which tracks, across all their teams, a user has (any status). */
export async function listAssignmentsOfUser(db: Queryable, userId: string): Promise<TrackAssignment[]> {
  const memberships = await db.select(membershipColumns).from(members).where(eq(members.userId, userId));
  return effectiveAssignments(db, memberships);
}

/** The explicit assignments of one track (not the whole-team ones). */
export async function listExplicitAssignments(db: Queryable, trackId: string): Promise<{ memberId: string; assignedAt: Date }[]> {
  return db
    .select({ memberId: teamTrackAssignments.memberId, assignedAt: teamTrackAssignments.assignedAt })
    .from(teamTrackAssignments)
    .where(eq(teamTrackAssignments.trackId, trackId))
    .orderBy(asc(teamTrackAssignments.assignedAt));
}

/** trackId → the revision this user last saw (absent: never seen). */
export async function listSeenRevisions(db: Queryable, userId: string, trackIds: string[]): Promise<Map<string, number>> {
  if (trackIds.length === 0) return new Map();
  const rows = await db
    .select({ trackId: teamTrackViews.trackId, seen: teamTrackViews.seenRevision })
    .from(teamTrackViews)
    .where(and(eq(teamTrackViews.userId, userId), inArray(teamTrackViews.trackId, trackIds)));
  return new Map(rows.map((r) => [r.trackId, r.seen]));
}

/** Tracks by id (any team, any status), for a learner's list. */
export async function getTeamTracks(db: Queryable, trackIds: string[]): Promise<TeamTrack[]> {
  if (trackIds.length === 0) return [];
  const rows = await db.select().from(teamTracks).where(inArray(teamTracks.id, trackIds));
  return rows.map(toTeamTrack);
}
