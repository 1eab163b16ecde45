import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { sql } from "drizzle-orm";
import * as z from "zod";
import { sqlRows } from "./rows";
import type { Db } from "./types";

/** Committed SQL written by drizzle-kit (`npm run db:generate`); one folder, one journal. */
export const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "server", "db", "migrations");

const journalSchema = z.object({
  entries: z.array(z.object({ idx: z.number(), when: z.number(), tag: z.string() })),
});

export type MigrationEntry = z.infer<typeof journalSchema>["entries"][number];

/** Every migration the code knows, oldest first. */
export async function readJournal(folder = MIGRATIONS_FOLDER): Promise<MigrationEntry[]> {
  const text = await readFile(path.join(folder, "meta", "_journal.json"), "utf8");
  return journalSchema.parse(JSON.parse(text)).entries.toSorted((a, b) => a.when - b.when);
}

/**
 * The time stamp of the newest migration applied to this database, or null for a new one.
 * Drizzle's migrator applies every journal entry newer than this, so it is the whole state.
 */
export async function lastAppliedMigration(db: Db): Promise<number | null> {
  const [table] = await sqlRows(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as "exists"`,
    z.object({ exists: z.boolean() }),
  );
  if (!table?.exists) return null;
  const [last] = await sqlRows(
    db,
    sql`select max(created_at)::text as created_at from drizzle.__drizzle_migrations`,
    z.object({ created_at: z.string().nullable() }),
  );
  return last?.created_at ? Number(last.created_at) : null;
}

/** The journal entries not yet applied to a database whose newest migration is `last`. */
export function pendingMigrations(journal: MigrationEntry[], last: number | null): MigrationEntry[] {
  return journal.filter((entry) => last === null || entry.when > last);
}
