/**
 * Reading the followed tracks back from storage, checked before anything trusts them.
 * zod/mini, and loaded on demand by the store (lib/tracks/store.ts), so zod is not in the
 * pages' first load (docs/performance.md). The JSON and the envelope are read as progress's
 * are (lib/progress/read-envelope.ts).
 */
import * as z from "zod/mini";
import { type Checked, firstIssue, readStored } from "@/lib/progress/read-envelope";
import { FOLLOWING_VERSION, type FollowingState } from "./following";

const trackId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));

export const followingStateSchema: z.ZodMiniType<FollowingState> = z.strictObject({
  following: z.record(trackId, z.strictObject({ startedAt: z.int().check(z.nonnegative()) })),
});

export type FollowingRead = { kind: "empty" } | { kind: "ok"; state: FollowingState } | { kind: "bad"; reason: string };

function checkFollowing(state: unknown, version: number): Checked<FollowingState> {
  if (version !== FOLLOWING_VERSION) return { ok: false, reason: `it is in format ${version}, and this version of Quorum reads format ${FOLLOWING_VERSION}` };
  const parsed = followingStateSchema.safeParse(state);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: `it is not a valid list of followed tracks (${firstIssue(parsed.error)})` };
}

/** Reads and checks a raw stored string. Pure: no storage access. */
export function readStoredFollowing(raw: string | null): FollowingRead {
  const read = readStored(raw, checkFollowing);
  return read.kind === "ok" ? { kind: "ok", state: read.state } : read;
}
