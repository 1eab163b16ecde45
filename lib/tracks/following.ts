/**
 * Which built-in tracks this browser follows, and since when: the start of their "days
 * after" due dates. Kept apart from progress facts on purpose: following is a choice about
 * the future, not a record of learning, and it needs no merge rules. Stored data is
 * validated on every read; anything that does not fit is set aside, never trusted.
 * zod/mini: this runs in the browser.
 */
import * as z from "zod/mini";

export const FOLLOWING_KEY = "quorum-tracks";
export const FOLLOWING_VERSION = 1;

const trackId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));

export const followingStateSchema = z.strictObject({
  following: z.record(trackId, z.strictObject({ startedAt: z.int().check(z.nonnegative()) })),
});

export type FollowingState = z.infer<typeof followingStateSchema>;

export function emptyFollowing(): FollowingState {
  return { following: {} };
}

const envelopeSchema = z.object({ state: z.unknown(), version: z.int() });

export type FollowingRead = { kind: "empty" } | { kind: "ok"; state: FollowingState } | { kind: "bad"; reason: string };

/** Reads and checks a raw stored string. Pure: no storage access. */
export function readStoredFollowing(raw: string | null): FollowingRead {
  if (raw === null) return { kind: "empty" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: "bad", reason: "it is not valid JSON" };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { kind: "bad", reason: "it has no version number" };
  if (envelope.data.version !== FOLLOWING_VERSION) {
    return { kind: "bad", reason: `it is in format ${envelope.data.version}, and this version of Quorum reads format ${FOLLOWING_VERSION}` };
  }
  const state = followingStateSchema.safeParse(envelope.data.state);
  if (!state.success) {
    const issue = state.error.issues[0];
    return { kind: "bad", reason: `it is not a valid list of followed tracks (${issue?.path.join(".") || "root"}: ${issue?.message})` };
  }
  return { kind: "ok", state: state.data };
}

/** The followed tracks, most recently started first, that still exist. */
export function followedIds(state: FollowingState, known: ReadonlySet<string>): string[] {
  return Object.entries(state.following)
    .filter(([id]) => known.has(id))
    .sort(([, a], [, b]) => b.startedAt - a.startedAt)
    .map(([id]) => id);
}
