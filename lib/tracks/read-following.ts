/**
 * Reading the followed tracks back from storage, checked before anything trusts them.
 * zod/mini, and loaded on demand by the store (lib/tracks/store.ts), so zod is not in the
 * pages' first load (docs/performance.md).
 */
import * as z from "zod/mini";
import { FOLLOWING_VERSION, type FollowingState } from "./following";

const trackId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));

export const followingStateSchema: z.ZodMiniType<FollowingState> = z.strictObject({
  following: z.record(trackId, z.strictObject({ startedAt: z.int().check(z.nonnegative()) })),
});

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
