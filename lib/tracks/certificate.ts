/**
 * What a certificate attests, computed from a track's outline and a learner's progress on it
 * (deriveTrackProgress on the synced facts). Pure: the server decides whether to issue one
 * with `certificateFor`, and stores exactly what it returns, so the page never re-derives.
 */
import type { TrackProgress } from "./derive";
import type { TrackOutline } from "./types";

/** Where the track came from: a built-in track, or a team track (then its team). */
export type CertificateTrackRef = { kind: "built-in"; trackId: string } | { kind: "team"; trackId: string; teamId: string };

export interface CertificateStep {
  position: number;
  title: string;
  /** The lesson id; null for the self-assessment. */
  lessonId: string | null;
  /** Best quiz score in whole percent; null when the step has no quiz (or is the self-assessment). */
  bestPercent: number | null;
  /** When the step became done (epoch ms). */
  completedAt: number;
}

/** Everything a certificate says, frozen at issue. */
export interface CertificateContent {
  track: CertificateTrackRef;
  trackTitle: string;
  passMark: number;
  /** When the last step became done (epoch ms): the date on the certificate. */
  completedAt: number;
  steps: CertificateStep[];
}

export type CertificateDecision =
  | { ok: true; content: CertificateContent }
  | { ok: false; reason: string; remaining: { position: number; title: string; status: string }[] };

/** Whole percent, rounded down so a certificate never claims more than was scored. */
export function percentOf(score: number): number {
  return Math.floor(score * 100 + 1e-9);
}

/**
 * The score a done step's certificate line shows. A done step's best score under the pass mark
 * can only come from a lesson with no quiz now (attempts left from older content): the track
 * did not count it, so the certificate does not claim it.
 */
function countedScore(best: number | null, passMark: number): number | null {
  if (best === null) return null;
  const percent = percentOf(best);
  return percent >= passMark ? percent : null;
}

/**
 * A certificate for this progress, or why not. Only a complete track earns one: every step
 * done under the track's pass mark (checklist complete, best quiz score at the pass mark).
 */
export function certificateFor(track: CertificateTrackRef, outline: TrackOutline, progress: TrackProgress): CertificateDecision {
  if (progress.trackId !== outline.id || track.trackId !== outline.id) throw new Error("certificateFor: progress and track differ");
  if (!progress.complete || progress.completedAt === null) {
    const remaining = progress.steps
      .filter((s) => s.status !== "done")
      .map((s) => ({ position: s.position, title: s.title, status: s.status.replace("-", " ") }));
    const first = remaining[0];
    const reason =
      remaining.length === 0
        ? "This track has no steps to complete."
        : `The track is not complete: ${remaining.length} of ${progress.total} ${progress.total === 1 ? "step is" : "steps are"} not done yet (the first is step ${first?.position}, “${first?.title}”). A step is done when its checklist is complete and a quiz attempt reaches ${outline.passMark}%.`;
    return { ok: false, reason, remaining };
  }
  return {
    ok: true,
    content: {
      track,
      trackTitle: outline.title,
      passMark: outline.passMark,
      completedAt: progress.completedAt,
      steps: progress.steps.map((s) => ({
        position: s.position,
        title: s.title,
        lessonId: s.lessonId,
        bestPercent: countedScore(s.best, outline.passMark),
        completedAt: s.completedAt ?? progress.completedAt ?? 0,
      })),
    },
  };
}

/** What a certificate attests, in plain words, for the certificate and its verification page. */
export function attestation(passMark: number): string {
  return (
    `This certifies that the holder completed every lesson of this track in Quorum: each lesson's checklist was ticked off ` +
    `and its quiz was passed with a best score of at least ${passMark}%. Quorum recorded these from the holder's own progress; ` +
    `it is self-paced study, not a proctored or supervised exam.`
  );
}
