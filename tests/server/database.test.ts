/**
 * The database layer: migrations and readiness, timeouts on every call, the auth secret kept in
 * the database, and rate-limit counters that concurrent requests cannot slip past.
 */
import { sql } from "drizzle-orm";
import { describe, expect, inject, test } from "vitest";
import { resolveAuthSecret } from "@/lib/server/auth/secret";
import { checkReadiness, closeDatabase, getDb, openDatabase, resetDatabaseForTests } from "@/lib/server/db/client";
import { isDatabaseUnavailable } from "@/lib/server/db/errors";
import { lastAppliedMigration, pendingMigrations, readJournal } from "@/lib/server/db/migrations";
import { instanceSettings } from "@/lib/server/db/schema";
import { parseEnv } from "@/lib/server/env";
import { consumeRateLimit } from "@/lib/server/http/rate-limit";
import { readSetting, SETTING_KEYS } from "@/lib/server/instance/settings";

describe("migrations and readiness", () => {
  test("every migration in the journal is applied, and reopening applies none", async () => {
    const db = await getDb();
    const journal = await readJournal();
    expect(journal.map((m) => m.tag)).toContain("0000_initial");
    const last = await lastAppliedMigration(db);
    expect(last).toBe(journal.at(-1)!.when);
    expect(pendingMigrations(journal, last)).toEqual([]);
    expect(pendingMigrations(journal, null)).toEqual(journal);
    expect(await checkReadiness()).toEqual({ ok: true, migrations: journal.length });

    await closeDatabase();
    resetDatabaseForTests();
    const { database, report } = await openDatabase();
    expect(report).toMatchObject({ driver: inject("testDb"), created: false, applied: [] });
    await database.close();
  });
});

describe("timeouts on every database call", () => {
  test("a call that waits past its budget fails as 'unavailable' (503), and the database answers after", async () => {
    await closeDatabase();
    resetDatabaseForTests();
    const { database } = await openDatabase(parseEnv({ ...process.env, QUORUM_DB_TIMEOUT_MS: "300" }));
    try {
      // A transaction holds the table (PostgreSQL: a lock; PGlite: its one connection) for longer than the budget.
      const blocker = database.db
        .transaction(async (tx) => {
          await tx.execute(sql`lock table instance_settings in access exclusive mode`);
          await new Promise((resolve) => setTimeout(resolve, 800));
        })
        .then(
          () => "committed",
          (e: unknown) => (isDatabaseUnavailable(e) ? "timed out" : String(e)),
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
      const started = Date.now();
      const error = await database.db.select().from(instanceSettings).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(Date.now() - started).toBeLessThan(700);
      // The blocker ran past its own budget too: it was not committed, and it released the table.
      expect(await blocker).toBe("timed out");
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await database.db.select().from(instanceSettings)).toEqual(expect.any(Array));
    } finally {
      await database.close();
    }
  });

  test("a transaction that runs past its deadline is rolled back, not committed", async () => {
    await closeDatabase();
    resetDatabaseForTests();
    const { database } = await openDatabase(parseEnv({ ...process.env, QUORUM_DB_TIMEOUT_MS: "300" }));
    try {
      const outcome = await database.db
        .transaction(async (tx) => {
          await tx.insert(instanceSettings).values({ key: "slow-tx", value: "written" });
          // Past PGlite's deadline and PostgreSQL's idle_in_transaction_session_timeout (twice the budget).
          await new Promise((resolve) => setTimeout(resolve, 900));
          await tx.execute(sql`select 1`);
        })
        .then(
          () => "committed",
          (e: unknown) => (isDatabaseUnavailable(e) ? "timed out" : `failed: ${String(e)}`),
        );
      expect(outcome).toBe("timed out");
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await readSetting(database.db, "slow-tx")).toBeNull();
    } finally {
      await database.close();
    }
  });
});

describe("which errors mean the database is unavailable (503)", () => {
  test("a timeout from another bundle's copy of the class counts, even wrapped; a constraint violation does not", () => {
    // `next start` gives each route's chunk its own copy of db/timeouts.ts and db/errors.ts.
    class DatabaseTimeoutError extends Error {
      name = "DatabaseTimeoutError";
    }
    class DatabaseUnavailableError extends Error {
      name = "DatabaseUnavailableError";
    }
    expect(isDatabaseUnavailable(new DatabaseTimeoutError("late"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: new DatabaseUnavailableError("thread stopped") }))).toBe(true);
    // PostgreSQL ending a transaction that idled past the budget is a timeout too (seen in CI).
    const idled = Object.assign(new Error("terminating connection due to idle-in-transaction timeout"), { code: "25P03" });
    expect(isDatabaseUnavailable(idled)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key value"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});

describe("the auth secret", () => {
  test("without BETTER_AUTH_SECRET: generated once, kept in the database, the same for every caller", async () => {
    const db = await getDb();
    const env = parseEnv({ ...process.env, BETTER_AUTH_SECRET: "" });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => resolveAuthSecret(db, env)));
    const secrets = new Set(results.map((r) => r.secret));
    expect(secrets.size).toBe(1);
    const [secret] = [...secrets];
    expect(secret!.length).toBeGreaterThanOrEqual(40);
    expect(await readSetting(db, SETTING_KEYS.authSecret)).toBe(secret);
    expect(results.every((r) => r.source === "database")).toBe(true);
  });

  test("BETTER_AUTH_SECRET wins when set", async () => {
    const db = await getDb();
    const fromEnv = "x".repeat(16) + "y".repeat(16) + "z".repeat(8);
    expect(await resolveAuthSecret(db, parseEnv({ ...process.env, BETTER_AUTH_SECRET: fromEnv }))).toEqual({ secret: fromEnv, source: "environment" });
  });
});

describe("rate-limit counters in the database", () => {
  test("twenty concurrent requests against a limit of five: exactly five pass", async () => {
    const db = await getDb();
    const decisions = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(db, "test:burst", { windowSeconds: 60, max: 5 })));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
    for (const refused of decisions.filter((d) => !d.allowed)) {
      expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
      if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  test("a new window starts after the old one ends", async () => {
    const db = await getDb();
    const rule = { windowSeconds: 1, max: 1 };
    expect((await consumeRateLimit(db, "test:window", rule)).allowed).toBe(true);
    expect((await consumeRateLimit(db, "test:window", rule)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await consumeRateLimit(db, "test:window", rule)).allowed).toBe(true);
  });
});
