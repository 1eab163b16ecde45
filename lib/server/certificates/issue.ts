import "server-only";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { certificateFor, type CertificateTrackRef } from "@/lib/tracks/certificate";
import { deriveTrackProgress } from "@/lib/tracks/derive";
import type { TrackOutline } from "@/lib/tracks/types";
import type { Queryable } from "../db/types";
import { ProblemError } from "../http/problem";
import { lessonsToLoad } from "../tracks/dashboard";
import { assessmentTakenAtOf, trackLessons } from "../tracks/lessons";
import { type Certificate, findCertificateOf, insertCertificate } from "./repository";

/** A track as the learner has it: its outline and when they started it (null when unknown). */
export interface LearnerTrack {
  ref: CertificateTrackRef;
  outline: TrackOutline;
  startedAt: number | null;
}

/** Where issuing reads from; the app passes the real ones (see sources.ts), tests may pass others. */
export interface IssueSources {
  /** The track if this user may hold a certificate for it (built-in, or a published team track assigned to them); null otherwise. */
  resolveTrack(db: Queryable, userId: string, track: { kind: "built-in" | "team"; trackId: string }): Promise<LearnerTrack | null>;
  loadFacts(db: Queryable, userIds: readonly string[], lessonIds?: readonly string[]): Promise<Map<string, ProgressFacts>>;
}

/**
 * Issues a certificate when the user's synced facts complete the track, or returns the one
 * they already hold. The facts are the server's, never the request's: a client cannot claim
 * completion. Refuses with a "track-incomplete" problem naming what is left.
 */
export async function issueCertificate(
  db: Queryable,
  user: { id: string; name: string },
  requested: { kind: "built-in" | "team"; trackId: string },
  now: Date,
  sources: IssueSources,
): Promise<{ certificate: Certificate; created: boolean }> {
  const track = await sources.resolveTrack(db, user.id, requested);
  if (!track) throw new ProblemError("not-found", "No such track, or it is not assigned to you.");
  const existing = await findCertificateOf(db, user.id, track.ref);
  if (existing) return { certificate: existing, created: false };

  const lessonIds = lessonsToLoad([track.outline]);
  const facts = (await sources.loadFacts(db, [user.id], lessonIds)).get(user.id) ?? emptyFacts();
  const progress = deriveTrackProgress({
    track: track.outline,
    lessons: await trackLessons(),
    learner: { facts, assessmentTakenAt: assessmentTakenAtOf(facts) },
    startedAt: track.startedAt,
    time: { now: now.getTime(), timeZone: "UTC" },
  });
  const decision = certificateFor(track.ref, track.outline, progress);
  if (!decision.ok) {
    throw new ProblemError("track-incomplete", `${decision.reason} Progress counts once it has synced to this server.`, {
      extensions: { remaining: decision.remaining },
    });
  }
  return { certificate: await insertCertificate(db, user.id, user.name, decision.content, now), created: true };
}
