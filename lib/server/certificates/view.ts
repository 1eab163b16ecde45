import "server-only";
import type { Certificate } from "./repository";

/** A certificate as the API and its public page show it: no user id, dates as ISO text. */
export function certificateJson(c: Certificate) {
  return {
    id: c.id,
    holderName: c.holderName,
    track: c.track.kind === "team" ? { kind: "team" as const, trackId: c.track.trackId } : c.track,
    trackTitle: c.trackTitle,
    passMark: c.passMark,
    completedAt: c.completedAt.toISOString(),
    issuedAt: c.issuedAt.toISOString(),
    steps: c.steps.map((s) => ({ ...s, completedAt: new Date(s.completedAt).toISOString() })),
    url: `/certificates/${c.id}`,
  };
}
