import "server-only";
import { inArray } from "drizzle-orm";
import type { ProgressFacts } from "@/lib/progress/types";
import { syncState } from "../db/schema";
import type { Queryable } from "../db/types";
import { loadFactsOf } from "../sync/facts";

/**
 * loadFactsOf for the lead's dashboard, with each user's facts kept in this process while their
 * sync seq is unchanged. Every call reads every user's current seq (one small query on
 * sync_state), so it never serves facts older than what the database holds at that moment:
 * a user whose seq moved (a sync, a reset) is reloaded, the others are not. Reading 500
 * members' facts still costs about 0.5 s on PostgreSQL and 3 s on PGlite (docs/tracks.md, Speed),
 * far above the 200 ms goal; checking 500 seqs costs milliseconds. Remove this once cold meets it.
 *
 * Facts read before a concurrent sync commits may be stored with the older seq; the next
 * call sees the newer seq and reloads them. Several app instances each keep their own.
 */
interface Cached {
  seq: number;
  lessons: string;
  facts: ProgressFacts;
}

const MAX_USERS = 20_000;
const caches = new WeakMap<object, Map<string, Cached>>();

export async function loadFactsCached(db: Queryable, userIds: readonly string[], lessonIds?: readonly string[]): Promise<Map<string, ProgressFacts>> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const unique = [...new Set(userIds)];
  const lessons = lessonIds === undefined ? "*" : [...lessonIds].sort().join(",");
  const seqs = new Map<string, number>();
  for (let i = 0; i < unique.length; i += 1_000) {
    const rows = await db.select({ userId: syncState.userId, seq: syncState.lastSeq }).from(syncState).where(inArray(syncState.userId, unique.slice(i, i + 1_000)));
    for (const row of rows) seqs.set(row.userId, row.seq);
  }
  const stale = unique.filter((id) => {
    const hit = cache.get(id);
    return !hit || hit.seq !== (seqs.get(id) ?? 0) || hit.lessons !== lessons;
  });
  const fresh = stale.length === 0 ? new Map<string, ProgressFacts>() : await loadFactsOf(db, stale, lessonIds);
  if (cache.size + stale.length > MAX_USERS) cache.clear();
  const result = new Map<string, ProgressFacts>();
  for (const id of unique) {
    const loaded = fresh.get(id);
    if (loaded) {
      cache.set(id, { seq: seqs.get(id) ?? 0, lessons, facts: loaded });
      result.set(id, loaded);
    } else {
      result.set(id, cache.get(id)?.facts ?? (await loadFactsOf(db, [id], lessonIds)).get(id)!);
    }
  }
  return result;
}
