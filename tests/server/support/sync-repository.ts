/** The SQL sync repository on this test file's database (PGlite or PostgreSQL), for the shared sync tests. */
import { asc, eq } from "drizzle-orm";
import { inject } from "vitest";
import { getDatabase, getDb } from "@/lib/server/db/client";
import { syncEntries, syncState } from "@/lib/server/db/schema";
import { sqlSyncRepository } from "@/lib/server/sync/sql-repository";
import { rowToStoredEntry } from "@/lib/server/sync/rows";
import type { StoredEntry } from "@/lib/server/sync/repository";
import { type RepositoryFactory, withCommitFailure } from "@/tests/fixtures/sync/repository-under-test";
import { insertUsers } from "./sync-users";

export function databaseRepositoryFactory(runScale: number): RepositoryFactory {
  return {
    name: inject("testDb") === "postgres" ? "PostgreSQL" : "PGlite",
    runScale,
    async create() {
      const db = await getDb();
      const { repository, failNextCommit } = withCommitFailure(sqlSyncRepository(await getDatabase()));
      return {
        repository,
        failNextCommit,
        newUser: async () => (await insertUsers(1, "sync"))[0]!,
        async entriesOf(userId) {
          const rows = await db.select().from(syncEntries).where(eq(syncEntries.userId, userId)).orderBy(asc(syncEntries.seq));
          return rows.map(rowToStoredEntry).filter((e): e is StoredEntry => e !== null);
        },
        async lastSeqOf(userId) {
          const [row] = await db.select({ lastSeq: syncState.lastSeq }).from(syncState).where(eq(syncState.userId, userId));
          return row ? Number(row.lastSeq) : 0;
        },
      };
    },
  };
}
