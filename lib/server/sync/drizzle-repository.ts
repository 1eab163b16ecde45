/**
 * SyncRepository on the database (PGlite or PostgreSQL, through Drizzle). One sync is one
 * transaction that first locks the user's sync_state row (`select … for update`, creating it on
 * first use), so one user's syncs run one after another and their seqs are given in commit
 * order; different users never wait for each other. Every query goes through the Db handle,
 * which carries the database call timeout (db/timeouts.ts, statement_timeout on PostgreSQL).
 */
import "server-only";
import { and, asc, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import type { Timestamp } from "@/lib/progress/clock";
import { RESET_KIND } from "@/lib/sync/kinds";
import { syncEntries, syncState } from "../db/schema";
import type { Db, Tx } from "../db/types";
import { refreshLessonProgress } from "../tracks/lesson-progress";
import type { StoredEntry, SyncRepository, SyncTransaction } from "./repository";
import { rowToStoredEntry, storedEntryToRow } from "./rows";

/** Identities per `(kind, key) in (…)` query, and rows per insert: far below PostgreSQL's 65,535 parameters. */
const CHUNK = 1_000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

export function drizzleSyncRepository(db: Db): SyncRepository {
  return {
    withUserLock: (userId, work) =>
      db.transaction(async (tx) => {
        // One statement creates the row on first use or locks it (an upsert that updates holds
        // the row lock until the transaction ends, as `select … for update` would).
        const [state] = await tx
          .insert(syncState)
          .values({ userId })
          .onConflictDoUpdate({ target: syncState.userId, set: { lastSeq: sql`${syncState.lastSeq}` } })
          .returning({ lastSeq: syncState.lastSeq });
        if (!state) throw new Error("sync_state upsert returned no row");
        return work(transactionFor(tx, userId, Number(state.lastSeq)));
      }),
  };
}

function transactionFor(tx: Tx, userId: string, lastSeq: number): SyncTransaction {
  const mine = eq(syncEntries.userId, userId);
  return {
    lastSeq,
    async readEntries(ids) {
      const found: StoredEntry[] = [];
      for (const part of chunks(ids)) {
        if (part.length === 0) continue;
        // Grouped by kind (`kind = $k and key in (…)`): PGlite 0.5 fails on a long row-valued IN list.
        const byKind = new Map<string, string[]>();
        for (const id of part) (byKind.get(id.kind) ?? byKind.set(id.kind, []).get(id.kind)!).push(id.key);
        const rows = await tx
          .select()
          .from(syncEntries)
          .where(and(mine, or(...[...byKind].map(([kind, keys]) => and(eq(syncEntries.kind, kind), inArray(syncEntries.key, keys))))));
        found.push(...rows.map(rowToStoredEntry).filter(present));
      }
      return found;
    },
    async readSince(seq, limit) {
      const rows = await tx
        .select()
        .from(syncEntries)
        .where(and(mine, gt(syncEntries.seq, seq)))
        .orderBy(asc(syncEntries.seq))
        .limit(limit);
      return rows.map(rowToStoredEntry).filter(present);
    },
    async prune(resetAt: Timestamp) {
      // at_device is `collate "C"`, so the tuple compares like compareTimestamps.
      await tx
        .delete(syncEntries)
        .where(
          and(
            mine,
            ne(syncEntries.kind, RESET_KIND),
            sql`(${syncEntries.atWall}, ${syncEntries.atCounter}, ${syncEntries.atDevice}) <= (${resetAt.wall}::bigint, ${resetAt.counter}::integer, ${resetAt.device}::text collate "C")`,
          ),
        );
    },
    async write(entries: readonly StoredEntry[], newLastSeq: number) {
      const recordLastSeq = tx.update(syncState).set({ lastSeq: newLastSeq }).where(eq(syncState.userId, userId));
      if (entries.length === 0) {
        await recordLastSeq;
        return;
      }
      // The statement that writes the first rows records the last seq too (a data-modifying
      // CTE, which runs whether or not the insert reads it): one round trip instead of two.
      const withLastSeq = tx.$with("recorded").as(recordLastSeq.returning({ lastSeq: syncState.lastSeq }));
      for (const [i, part] of chunks(entries).entries()) {
        await (i === 0 ? tx.with(withLastSeq) : tx)
          .insert(syncEntries)
          .values(part.map((e) => storedEntryToRow(userId, e)))
          .onConflictDoUpdate({
            target: [syncEntries.userId, syncEntries.kind, syncEntries.key],
            set: {
              lessonId: sql`excluded.lesson_id`,
              atWall: sql`excluded.at_wall`,
              atCounter: sql`excluded.at_counter`,
              atDevice: sql`excluded.at_device`,
              body: sql`excluded.body`,
              seq: sql`excluded.seq`,
            },
          });
      }
      await refreshLessonProgress(tx, userId, entries);
    },
  };
}
