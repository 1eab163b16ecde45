/**
 * The server's merge, as a pure function: the stored entries for the keys a request touches
 * (and the stored reset), the incoming facts, and out comes what to write. It merges with the
 * same mergeFacts as the browser, so the server can hold nothing a browser would not.
 */
import "server-only";
import { compareTimestamps, type Timestamp } from "@/lib/progress/clock";
import { mergeFacts } from "@/lib/progress/merge";
import type { ProgressFacts } from "@/lib/progress/types";
import { entriesToFacts, entryId, factsToEntries, sameEntry } from "@/lib/sync/entries";
import { type Entry, RESET_KIND, WATERMARK_KEY } from "@/lib/sync/kinds";

export interface MergePlan {
  /** Entries that are new or changed: each is written with a new seq. */
  upserts: Entry[];
  /** A newer reset arrived: delete every stored entry at or before it (isPrunedBy). */
  pruneThrough: Timestamp | null;
}

/** The identities whose stored entries planServerMerge needs: every incoming entry's, plus the reset. */
export function keysToRead(incoming: ProgressFacts): Pick<Entry, "kind" | "key">[] {
  const ids = factsToEntries(incoming).map(({ kind, key }) => ({ kind, key }));
  if (!ids.some((id) => id.kind === RESET_KIND)) ids.push({ kind: RESET_KIND, key: WATERMARK_KEY });
  return ids;
}

/**
 * `stored` must hold the stored entries for keysToRead(incoming); other stored entries are
 * untouched by the merge except through `pruneThrough`. Applying the plan to the full stored
 * set gives exactly mergeFacts(stored, incoming) (tests/unit/server/sync/plan.test.ts).
 */
export function planServerMerge(stored: readonly Entry[], incoming: ProgressFacts): MergePlan {
  const before = entriesToFacts(stored);
  const merged = mergeFacts(before, incoming);
  const storedById = new Map(stored.map((e) => [entryId(e), e]));
  const upserts = factsToEntries(merged).filter((e) => {
    const old = storedById.get(entryId(e));
    return old === undefined || !sameEntry(old, e);
  });
  const newerReset = merged.resetAt !== null && (before.resetAt === null || compareTimestamps(merged.resetAt, before.resetAt) > 0);
  return { upserts, pruneThrough: newerReset ? merged.resetAt : null };
}
