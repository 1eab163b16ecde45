import "server-only";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/node-postgres";
import { migrate as migratePostgres } from "drizzle-orm/node-postgres/migrator";
import { Pool } from "pg";
import { dataDirectory, getEnv, type Env } from "../env";
import { log } from "../log";
import { DatabaseUnavailableError } from "./errors";
import { lastAppliedMigration, MIGRATIONS_FOLDER, pendingMigrations, readJournal } from "./migrations";
import * as schema from "./schema";
import { createPgliteDirectory } from "./pglite-create";
import { pglitePreparedTransact } from "./pglite-statements";
import { postgresTransact, type Transact } from "./statements";
import { pgliteWithTimeouts, withTimeout } from "./timeouts";
import type { Db, Driver } from "./types";

export interface Database {
  db: Db;
  driver: Driver;
  /** Where the data is: the PGlite directory, or the PostgreSQL server without its password. */
  location: string;
  /** Ends the connections (PostgreSQL) or flushes and closes the files (PGlite). */
  close(): Promise<void>;
  /** A transaction for hand-written statements, with the same timeouts (db/statements.ts; sync uses it). */
  transact: Transact;
}

export interface OpenReport {
  driver: Driver;
  location: string;
  created: boolean;
  applied: string[];
  ms: number;
}

/** Migrations may take longer than a request; they get their own, wider budget. */
const MIGRATION_TIMEOUT_MS = 120_000;
/** Any number will do, as long as every Quorum process uses the same one. */
const MIGRATION_LOCK_KEY = 7_460_118_520;

function describeUrl(url: string): string {
  const u = new URL(url);
  return `postgresql://${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
}

/**
 * PGlite's memory (WebAssembly) grows and never shrinks. PostgreSQL's default 128 MB of shared
 * buffers is more than a small team's data needs (1,000 learners' progress is about 20 MB of
 * tables and indexes); the operating system's page cache still holds the files. 32 MB keeps
 * the server about 100 MB smaller (docs/server.md).
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=32MB"];

async function openPglite(env: Env): Promise<{ database: Database; created: boolean; applied: string[] }> {
  const dir = dataDirectory(env);
  // PG_VERSION is the first file initdb writes: without it the directory is new (or empty).
  const created = !existsSync(path.join(dir, "PG_VERSION"));
  await mkdir(dir, { recursive: true }); // PGlite makes the directory, not its parents
  if (created) await createPgliteDirectory(dir, PGLITE_START_PARAMS);
  const raw = new PGlite(dir, { startParams: PGLITE_START_PARAMS });
  await raw.waitReady;
  // Migrate with the wide budget, then serve requests with the narrow one.
  const migrator = drizzlePglite({ client: pgliteWithTimeouts(raw, MIGRATION_TIMEOUT_MS), schema });
  const pending = pendingMigrations(await readJournal(), await lastAppliedMigration(migrator));
  await migratePglite(migrator, { migrationsFolder: MIGRATIONS_FOLDER });
  const timed = pgliteWithTimeouts(raw, env.QUORUM_DB_TIMEOUT_MS);
  const db = drizzlePglite({ client: timed, schema });
  return {
    database: { db, driver: "pglite", location: dir, close: () => raw.close(), transact: pglitePreparedTransact(raw, env.QUORUM_DB_TIMEOUT_MS) },
    created,
    applied: pending.map((m) => m.tag),
  };
}

async function openPostgres(env: Env, url: string): Promise<{ database: Database; created: boolean; applied: string[] }> {
  const timeout = env.QUORUM_DB_TIMEOUT_MS;
  const pool = new Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: timeout,
    // The server cancels a statement past the budget; the client gives up slightly later.
    statement_timeout: timeout,
    query_timeout: timeout + 1_000,
    idle_in_transaction_session_timeout: timeout * 2,
    application_name: "quorum",
  });
  // A connection the server closes (idle-in-transaction timeout, restart) emits "error"; unheard,
  // that would end the process. Log it: the request that used it already got its own error.
  pool.on("error", (error) => log("error", "database connection error", { error }));
  pool.on("connect", (client) => client.on("error", (error) => log("warn", "database connection lost", { error })));
  // One process migrates at a time: the others wait on the lock, then find nothing to do.
  const client = await pool.connect();
  let applied: string[] = [];
  let created = false;
  try {
    await client.query(`set statement_timeout = ${MIGRATION_TIMEOUT_MS}`);
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      const migrator = drizzlePostgres({ client, schema });
      const last = await lastAppliedMigration(migrator);
      created = last === null;
      applied = pendingMigrations(await readJournal(), last).map((m) => m.tag);
      await migratePostgres(migrator, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release(true);
  }
  const db = drizzlePostgres({ client: pool, schema });
  return { database: { db, driver: "postgres", location: describeUrl(url), close: () => pool.end(), transact: postgresTransact(pool) }, created, applied };
}

/** Opens the configured database and brings its schema up to date. One per process: see getDatabase. */
export async function openDatabase(env: Env = getEnv()): Promise<{ database: Database; report: OpenReport }> {
  const started = Date.now();
  const { database, created, applied } = env.DATABASE_URL ? await openPostgres(env, env.DATABASE_URL) : await openPglite(env);
  const report: OpenReport = { driver: database.driver, location: database.location, created, applied, ms: Date.now() - started };
  return { database, report };
}

const KEY = Symbol.for("quorum.database");
type Slot = { opening?: Promise<Database>; closing?: boolean };
// On globalThis, not in module scope: `next dev` reloads modules, and Next may bundle this module
// into several chunks; there must still be one database (one PGlite) per process.
const slot = ((globalThis as { [KEY]?: Slot })[KEY] ??= {});

/**
 * The process's database, opened (and migrated) on first use. Never called during `next build`:
 * the pages are static and a build must not create a data directory.
 */
export function getDatabase(): Promise<Database> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    return Promise.reject(new DatabaseUnavailableError("The database is not opened during `next build`."));
  }
  if (slot.closing) return Promise.reject(new DatabaseUnavailableError("The server is shutting down."));
  slot.opening ??= openDatabase().then(
    ({ database, report }) => {
      log("info", "database ready", { ...report });
      return database;
    },
    (error: unknown) => {
      slot.opening = undefined; // the next request tries again
      log("error", "database failed to open", { error });
      throw error;
    },
  );
  return slot.opening;
}

/** The Drizzle handle, for repositories. */
export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

/** Closes the database for good (shutdown): later calls fail with DatabaseUnavailableError. */
export async function closeDatabase(): Promise<void> {
  slot.closing = true;
  const opening = slot.opening;
  slot.opening = undefined;
  if (!opening) return;
  const database = await opening.catch(() => null);
  await database?.close();
  log("info", "database closed", { driver: database?.driver, location: database?.location });
}

export { DatabaseUnavailableError };

/** Forgets a closed database so the process may open one again (tests that reopen the same files). */
export function resetDatabaseForTests(): void {
  slot.closing = false;
  slot.opening = undefined;
}

/** Readiness: the database answers within the budget and every migration the code knows is applied. */
export async function checkReadiness(): Promise<{ ok: true; migrations: number } | { ok: false; reason: string }> {
  try {
    const { db } = await withTimeout(getDatabase(), getEnv().QUORUM_DB_TIMEOUT_MS);
    await db.execute(sql`select 1`);
    const journal = await readJournal();
    const last = await lastAppliedMigration(db);
    const pending = pendingMigrations(journal, last);
    if (pending.length > 0) return { ok: false, reason: `${pending.length} migration(s) not applied: ${pending.map((m) => m.tag).join(", ")}` };
    return { ok: true, migrations: journal.length };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
