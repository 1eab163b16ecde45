/**
 * How the sync's statements run (db/statements.ts, db/pglite-statements.ts): as prepared
 * statements planned once, with generic plans that find rows through an index; parameters that
 * reach the database intact; and the transaction's guarantees (a failed statement rolls back
 * and does not break the next call, a deadline passed rolls back). Runs on PGlite and
 * PostgreSQL.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { emptyFacts } from "@/lib/progress/types";
import { closeDatabase, getDatabase, openDatabase, resetDatabaseForTests } from "@/lib/server/db/client";
import { isDatabaseUnavailable } from "@/lib/server/db/errors";
import { syncState, users } from "@/lib/server/db/schema";
import { parseEnv } from "@/lib/server/env";
import type { Statement } from "@/lib/server/db/statements";
import { handleSync } from "@/lib/server/sync/handler";
import { SYNC_STATEMENTS, sqlSyncRepository } from "@/lib/server/sync/sql-repository";
import { buildSyncRequest } from "@/lib/sync/protocol";
import { insertUsers } from "./support/sync-users";

async function tick(userId: string, n: number, cursor: number | null) {
  const facts = { ...emptyFacts(), checklist: { "lesson-a": { [`item-${n % 3}`]: { value: n % 2 === 0, at: { wall: 1_000 + n, counter: 0, device: "d" } } } } };
  const body = JSON.stringify(buildSyncRequest({ account: userId, deviceId: "d", cursor, facts }));
  const result = await handleSync(body, sqlSyncRepository(await getDatabase()), { id: userId });
  if (!("answer" in result)) throw new Error(`sync answered ${result.status}`);
  return result.answer.cursor;
}

const PREPARED: Statement = {
  name: "quorum_test_prepared_plans",
  text: "select name, generic_plans::int as generic, custom_plans::int as custom from pg_prepared_statements where name like 'quorum_sync_%'",
};

describe("the sync's statements", () => {
  test("are prepared once and planned once: every run after the first uses the generic plan", async () => {
    const [userId] = await insertUsers(1, "plans");
    let cursor: number | null = null;
    for (let n = 0; n < 12; n++) cursor = await tick(userId!, n, cursor);
    // Sequential transactions reuse the pool's one idle connection (PostgreSQL); PGlite has one session.
    const rows = await (await getDatabase()).transact((tx) => tx.run<{ name: string; generic: number; custom: number }>(PREPARED, []));
    const byName = new Map(rows.map((r) => [r.name, r]));
    for (const name of ["quorum_sync_lock_read", "quorum_sync_write_lessons"]) {
      expect(byName.get(name), name).toMatchObject({ custom: 0 });
      expect(byName.get(name)!.generic, name).toBeGreaterThanOrEqual(12);
    }
  });

  test("no generic plan reads a whole table: each finds the user's rows through an index", async () => {
    const database = await getDatabase();
    // PostgreSQL 15 (Debian's) has no EXPLAIN (GENERIC_PLAN): prepare the text, and explain
    // executing it with nulls under force_generic_plan (which every sync transaction sets).
    const explain = (statement: Statement) =>
      database.transact(async (tx) => {
        const parameters = Math.max(0, ...[...statement.text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
        const name = `explain_${statement.name}`;
        await tx.run({ name: `prepare_${name}`, text: `prepare ${name} as ${statement.text}` }, []);
        const rows = await tx.run<Record<string, string>>({ name: `run_${name}`, text: `explain execute ${name}(${Array(parameters).fill("null").join(", ")})` }, []);
        await tx.run({ name: `deallocate_${name}`, text: `deallocate ${name}` }, []);
        return rows.map((row) => row["QUERY PLAN"]).join("\n");
      });
    expect(SYNC_STATEMENTS.length).toBeGreaterThanOrEqual(8);
    for (const statement of SYNC_STATEMENTS) {
      const plan = await explain(statement);
      expect(plan, statement.name).toMatch(/Index Scan|Index Only Scan/);
      expect(plan, `${statement.name}:\n${plan}`).not.toMatch(/Seq Scan on (sync_entry|sync_state|lesson_progress|users)/);
    }
  });

  test("parameters arrive intact: text with quotes, backslashes, commas, braces and 'NULL', nulls, numbers, JSON", async () => {
    const texts = ['plain', 'a "quoted" word', "back\\slash", "a,b", "{braces}", "NULL", "", "ünïcødé ✓", " spaced "];
    const statement: Statement = {
      name: "quorum_test_round_trip",
      text: "select $1::text[] as texts, $2::bigint as big, $3::integer as int, $4::jsonb as json, $5::text as nothing, $6::boolean as yes, array_length($7::text[], 1) as with_null",
    };
    const run = () =>
      getDatabase().then((database) =>
        database.transact((tx) => tx.run<Record<string, unknown>>(statement, [texts, 1_700_000_000_123, -7, JSON.stringify({ a: [1, "x\"y"] }), null, true, ["x", null]])),
      );
    for (const rows of [await run(), await run()]) {
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row.texts).toEqual(texts);
      expect(Number(row.big)).toBe(1_700_000_000_123);
      expect(row.int).toBe(-7);
      expect(row.json).toEqual({ a: [1, "x\"y"] });
      expect(row.nothing).toBeNull();
      expect(row.yes).toBe(true);
      expect(row.with_null).toBe(2);
    }
  });

  test("a statement that fails rolls its transaction back, and runs again afterwards", async () => {
    const [userId] = await insertUsers(1, "fails");
    const insert: Statement = { name: "quorum_test_insert_state", text: "insert into sync_state (user_id, last_seq) values ($1, 5)" };
    const divide: Statement = { name: "quorum_test_divide", text: "select 10 / $1::int as quotient" };
    const database = await getDatabase();
    const failed = await database
      .transact(async (tx) => {
        await tx.run(insert, [userId]);
        await tx.run(divide, [0]); // division by zero, after its Parse succeeded
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(String(failed)).toMatch(/division by zero/);
    expect(isDatabaseUnavailable(failed)).toBe(false);
    expect(await database.db.select().from(syncState).where(eq(syncState.userId, userId!))).toEqual([]);
    // The same statements again: already prepared, they bind and run.
    const rows = await database.transact(async (tx) => {
      await tx.run(insert, [userId]);
      return tx.run<{ quotient: number }>(divide, [5]);
    });
    expect(rows).toEqual([{ quotient: 2 }]);
    expect(await database.db.select().from(syncState).where(eq(syncState.userId, userId!))).toEqual([{ userId, lastSeq: 5 }]);
  });

  test("a transaction that runs past its deadline is rolled back, and the next one runs", async () => {
    await closeDatabase();
    resetDatabaseForTests();
    const { database } = await openDatabase(parseEnv({ ...process.env, QUORUM_DB_TIMEOUT_MS: "300" }));
    try {
      const userId = `late-${Date.now()}`;
      await database.db.insert(users).values({ id: userId, name: "Late", email: `${userId}@example.com` });
      const insert: Statement = { name: "quorum_test_late_insert", text: "insert into sync_state (user_id, last_seq) values ($1, 1)" };
      const outcome = await database
        .transact(async (tx) => {
          await tx.run(insert, [userId]);
          // Past PGlite's deadline (300 ms) and PostgreSQL's idle_in_transaction_session_timeout
          // (twice the budget, db/client.ts), which ends the session with 25P03.
          await new Promise((resolve) => setTimeout(resolve, 900));
          await tx.run({ name: "quorum_test_late_select", text: "select 1" }, []);
        })
        .then(
          () => "committed",
          (e: unknown) => (isDatabaseUnavailable(e) ? "timed out" : `failed: ${String(e)}`),
        );
      expect(outcome).toBe("timed out");
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await database.db.select().from(syncState).where(eq(syncState.userId, userId))).toEqual([]);
      expect(await database.transact((tx) => tx.run<{ one: number }>({ name: "quorum_test_one", text: "select 1 as one" }, []))).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
      resetDatabaseForTests();
    }
  });
});
