import "server-only";
import { describeChange, diffTracks, type TrackChange } from "@/lib/tracks/changes";
import type { Track } from "@/lib/tracks/types";
import { authorize } from "../authorize";
import type { Db } from "../db/types";
import { ProblemError } from "../http/problem";
import { listTeamsOf } from "../teams/queries";
import {
  getTeamTracks,
  getTrackRevision,
  listAssignmentsOfUser,
  listExplicitAssignments,
  listSeenRevisions,
  listTeamAssignments,
  type TeamTrack,
} from "./repository";
import { CURRICULUM } from "@/lib/content/curriculum";

/** The JSON the endpoints answer with: one shape per audience. */

export interface LeadTrackView {
  track: Track;
  status: TeamTrack["status"];
  revision: number;
  wholeTeam: boolean;
  /** members.id of the members chosen one by one (the whole team is `wholeTeam`). */
  memberIds: string[];
  /** How many members have it now, whole team and chosen together. */
  assignedCount: number;
  copiedFrom: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  archivedAt: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function leadViewsOf(db: Db, teamId: string, tracks: TeamTrack[]): Promise<LeadTrackView[]> {
  const assignments = await listTeamAssignments(db, teamId);
  const views: LeadTrackView[] = [];
  for (const t of tracks) {
    const explicit = await listExplicitAssignments(db, t.track.id);
    views.push({
      track: t.track,
      status: t.status,
      revision: t.revision,
      wholeTeam: t.wholeTeamSince !== null,
      memberIds: explicit.map((a) => a.memberId),
      assignedCount: assignments.filter((a) => a.trackId === t.track.id).length,
      copiedFrom: t.copiedFrom,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
      publishedAt: iso(t.publishedAt),
      archivedAt: iso(t.archivedAt),
    });
  }
  return views;
}

export interface LearnerTrackView {
  /** `timeZone`: the team's; the track's due dates are days there. */
  team: { id: string; name: string; timeZone: string };
  track: Track;
  revision: number;
  /** Where "days after" due dates count from: when it was assigned to them (or they joined). */
  startedAt: string;
  /** The revision they last saw; null before they first opened it. */
  seenRevision: number | null;
  /** What changed since the revision they saw (empty when they never saw one, or nothing did). */
  changes: TrackChange[];
  /** The same changes in words. */
  changeSummary: string[];
}

const lessonTitle = new Map<string, string>(CURRICULUM.map((l) => [l.id, l.title]));

/** A learner's published, assigned team tracks, across their teams, earliest start first. */
export async function learnerViewsOf(db: Db, userId: string): Promise<LearnerTrackView[]> {
  const assignments = await listAssignmentsOfUser(db, userId);
  const tracks = new Map((await getTeamTracks(db, [...new Set(assignments.map((a) => a.trackId))])).map((t) => [t.track.id, t]));
  const teams = new Map((await listTeamsOf(db, userId)).map((t) => [t.id, t]));
  const seen = await listSeenRevisions(db, userId, [...tracks.keys()]);
  const views: LearnerTrackView[] = [];
  const shown = new Set<string>();
  for (const a of assignments) {
    const t = tracks.get(a.trackId);
    if (!t || shown.has(a.trackId)) continue;
    if (!authorize({ userId, isAdmin: false, roles: new Map() }, { kind: "track.read", assigned: true, status: t.status }).allowed) continue;
    shown.add(a.trackId);
    const seenRevision = seen.get(a.trackId) ?? null;
    const before = seenRevision !== null && seenRevision < t.revision ? await getTrackRevision(db, a.trackId, seenRevision) : null;
    const changes = before ? diffTracks(before, t.track) : [];
    views.push({
      team: { id: a.teamId, name: teams.get(a.teamId)?.name ?? "", timeZone: teams.get(a.teamId)?.timeZone ?? "UTC" },
      track: t.track,
      revision: t.revision,
      startedAt: a.startedAt.toISOString(),
      seenRevision,
      changes,
      changeSummary: changes.map((c) => describeChange(c, (key) => lessonTitle.get(key) ?? key)),
    });
  }
  return views;
}

/** The learner's view of one track, or 404 when it is not a published track assigned to them. */
export async function learnerViewOf(db: Db, userId: string, trackId: string): Promise<LearnerTrackView> {
  const view = (await learnerViewsOf(db, userId)).find((v) => v.track.id === trackId);
  if (!view) throw new ProblemError("not-found", "No such track assigned to you.");
  return view;
}
