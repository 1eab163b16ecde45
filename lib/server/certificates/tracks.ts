import "server-only";
import { getTrack } from "@/lib/content/tracks.server";
import type { CertificateTrackRef } from "@/lib/tracks/certificate";
import { outlineOf } from "@/lib/tracks/types";
import type { Queryable } from "../db/types";
import { getTeamTrack, getTrackRevision, listAssignmentsOfUser } from "../tracks/repository";
import type { LearnerTrack } from "./issue";

/** What a request names: a built-in track by id, or a team track by id (its team is looked up, never trusted). */
export type RequestedTrack = { kind: "built-in" | "team"; trackId: string };

/**
 * The track as this user has it, or null when they may not hold a certificate for it: a
 * built-in track anyone may follow; a team track only when published and assigned to them
 * (directly or through the whole team), as its latest published revision.
 */
export async function resolveLearnerTrack(db: Queryable, userId: string, requested: RequestedTrack): Promise<LearnerTrack | null> {
  if (requested.kind === "built-in") {
    const track = await getTrack(requested.trackId);
    return track ? { ref: { kind: "built-in", trackId: track.id }, outline: outlineOf(track), startedAt: null } : null;
  }
  const teamTrack = await getTeamTrack(db, requested.trackId);
  if (!teamTrack || teamTrack.status !== "published" || teamTrack.revision === 0) return null;
  const assignment = (await listAssignmentsOfUser(db, userId)).find((a) => a.trackId === teamTrack.track.id);
  if (!assignment) return null;
  const published = (await getTrackRevision(db, teamTrack.track.id, teamTrack.revision)) ?? teamTrack.track;
  const ref: CertificateTrackRef = { kind: "team", trackId: teamTrack.track.id, teamId: teamTrack.teamId };
  return { ref, outline: outlineOf(published), startedAt: assignment.startedAt.getTime() };
}
