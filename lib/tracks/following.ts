/**
 * Which built-in tracks this browser follows, and since when: the start of their "days
 * after" due dates. Kept apart from progress facts on purpose: following is a choice about
 * the future, not a record of learning, and it needs no merge rules. Stored data is
 * validated on every read (read-following.ts, loaded on demand: it needs zod); anything
 * that does not fit is set aside, never trusted.
 */
export const FOLLOWING_KEY = "quorum-tracks";
export const FOLLOWING_VERSION = 1;

export interface FollowingState {
  /** Track id → when this browser started following it (ms since the epoch). */
  following: Record<string, { startedAt: number }>;
}

export function emptyFollowing(): FollowingState {
  return { following: {} };
}

/** The followed tracks, most recently started first, that still exist. */
export function followedIds(state: FollowingState, known: ReadonlySet<string>): string[] {
  return Object.entries(state.following)
    .filter(([id]) => known.has(id))
    .sort(([, a], [, b]) => b.startedAt - a.startedAt)
    .map(([id]) => id);
}
