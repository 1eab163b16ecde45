import "server-only";
import { eq } from "drizzle-orm";
import type { AccountDataPart } from "../accounts/data-parts";
import { teamTracks, teamTrackViews } from "../db/schema";
import { getTeamTracks, listAssignmentsOfUser } from "./repository";

/**
 * Team tracks in a person's data: the tracks assigned to them (with when they started), which
 * revision of each they last saw, and the tracks they created. The tracks themselves belong
 * to the team and stay with it (their creator is forgotten); the seen revisions are deleted;
 * the assignments go with the memberships.
 */
export const teamTracksPart: AccountDataPart = {
  key: "teamTracks",
  async describe(db, userId) {
    const [views, created] = await Promise.all([
      db.select({ trackId: teamTrackViews.trackId }).from(teamTrackViews).where(eq(teamTrackViews.userId, userId)),
      db.select({ id: teamTracks.id }).from(teamTracks).where(eq(teamTracks.createdBy, userId)),
    ]);
    const lines: string[] = [];
    if (views.length) lines.push(`Which version of ${views.length === 1 ? "1 team track" : `${views.length} team tracks`} you last saw.`);
    if (created.length) lines.push(`${created.length === 1 ? "The team track you built stays" : `The ${created.length} team tracks you built stay`} with ${created.length === 1 ? "its team" : "their teams"}, without your name.`);
    return lines;
  },
  async export(db, userId) {
    const assignments = await listAssignmentsOfUser(db, userId);
    const tracks = new Map((await getTeamTracks(db, assignments.map((a) => a.trackId))).map((t) => [t.track.id, t]));
    const [views, created] = await Promise.all([
      db.select({ trackId: teamTrackViews.trackId, seenRevision: teamTrackViews.seenRevision, seenAt: teamTrackViews.seenAt }).from(teamTrackViews).where(eq(teamTrackViews.userId, userId)),
      db.select({ id: teamTracks.id, teamId: teamTracks.teamId, title: teamTracks.title, createdAt: teamTracks.createdAt }).from(teamTracks).where(eq(teamTracks.createdBy, userId)),
    ]);
    return {
      assigned: assignments.map((a) => ({ trackId: a.trackId, teamId: a.teamId, title: tracks.get(a.trackId)?.track.title ?? null, startedAt: a.startedAt, via: a.via })),
      seen: views,
      created,
    };
  },
  async delete(tx, userId) {
    await tx.delete(teamTrackViews).where(eq(teamTrackViews.userId, userId));
  },
};
