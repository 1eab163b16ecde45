/**
 * The sync tables on the database: the Drizzle SyncRepository keeps the contract the handler
 * relies on (round trip, prune by timestamp order, all or nothing, the per-user lock), and
 * loadFactsOf reads users' facts back for other features. Runs on PGlite and PostgreSQL.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { compareTimestamps } from "@/lib/progress/clock";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { getDatabase, getDb } from "@/lib/server/db/client";
import { syncEntries, syncState, users } from "@/lib/server/db/schema";
import { sqlSyncRepository } from "@/lib/server/sync/sql-repository";
import { loadFactsOf } from "@/lib/server/sync/facts";
import { handleSync } from "@/lib/server/sync/handler";
import type { StoredEntry, SyncRepository } from "@/lib/server/sync/repository";
import { factsToEntries } from "@/lib/sync/entries";
import { buildSyncRequest } from "@/lib/sync/protocol";
import { insertUsers } from "./support/sync-users";

const at = (wall: number, device = "device-a", counter = 0) => ({ wall, counter, device });

async function repository(): Promise<SyncRepository> {
  return sqlSyncRepository(await getDatabase());
}

async function rowsOf(userId: string) {
  const db = await getDb();
  return db.select().from(syncEntries).where(eq(syncEntries.userId, userId)).orderBy(syncEntries.seq);
}

function entry(partial: Partial<StoredEntry> & Pick<StoredEntry, "kind" | "key" | "seq">): StoredEntry {
  return { lessonId: null, at: at(1), body: { value: true }, ...partial };
}

async function sync(repo: SyncRepository, userId: string, facts: ProgressFacts, cursor: number | null = null) {
  const body = JSON.stringify(buildSyncRequest({ account: userId, deviceId: "device-a", cursor, facts }));
  return handleSync(body, repo, { id: userId });
}

describe("sqlSyncRepository", () => {
  test("writes entries and reads them back as they were, by identity and by seq", async () => {
    const [userId] = await insertUsers(1);
    const repo = await repository();
    const written = [
      entry({ kind: "checklist", key: "testing/x", lessonId: "testing", at: at(1_700_000_000_123, "dev-1", 3), body: { value: true }, seq: 1 }),
      entry({ kind: "resetAt", key: "-", at: at(5), body: null, seq: 2 }),
      entry({ kind: "attempts", key: "att-1", lessonId: "messaging", at: at(7), body: { lessonId: "messaging", score: 2, nested: { b: 1, a: [1, 2] } }, seq: 3 }),
    ];
    await repo.withUserLock(userId!, async (tx) => {
      expect(tx.lastSeq).toBe(0);
      await tx.write(written, 3);
    });
    await repo.withUserLock(userId!, async (tx) => {
      expect(tx.lastSeq).toBe(3);
      const found = await tx.readEntries([{ kind: "checklist", key: "testing/x" }, { kind: "resetAt", key: "-" }, { kind: "skipped", key: "none" }]);
      expect(found.sort((a, b) => a.seq - b.seq)).toEqual(written.slice(0, 2));
      expect(await tx.readSince(1, 10)).toEqual(written.slice(1));
      expect(await tx.readSince(0, 2)).toEqual(written.slice(0, 2));
      // An upsert replaces the row of the same identity.
      await tx.write([{ ...written[0]!, body: { value: false }, at: at(9), seq: 4 }], 4);
    });
    const rows = await rowsOf(userId!);
    expect(rows.map((r) => [r.kind, r.key, r.seq])).toEqual([
      ["resetAt", "-", 2],
      ["attempts", "att-1", 3],
      ["checklist", "testing/x", 4],
    ]);
  });

  test("reads many identities at once (chunked past a thousand)", async () => {
    const [userId] = await insertUsers(1);
    const repo = await repository();
    const many = Array.from({ length: 2_100 }, (_, i) => entry({ kind: "skipped", key: `lesson-${i}`, lessonId: `lesson-${i}`, seq: i + 1 }));
    await repo.withUserLock(userId!, (tx) => tx.write(many, many.length));
    const found = await repo.withUserLock(userId!, (tx) => tx.readEntries(many.map(({ kind, key }) => ({ kind, key }))));
    expect(found.length).toBe(many.length);
  });

  test("prunes exactly what compareTimestamps puts at or before the reset, devices compared by code unit", async () => {
    const [userId] = await insertUsers(1);
    const repo = await repository();
    // Upper case sorts before lower case by code unit ("B" < "a"), unlike most locales.
    const devices = ["a", "B", "b", "Z", "a-1", "a_1", "A"];
    const all = devices.flatMap((device, i) => [
      entry({ kind: "skipped", key: `k-${i}-0`, at: at(10, device, 0), seq: 0 }),
      entry({ kind: "skipped", key: `k-${i}-1`, at: at(10, device, 1), seq: 0 }),
      entry({ kind: "skipped", key: `k-${i}-2`, at: at(9, device, 5), seq: 0 }),
      entry({ kind: "skipped", key: `k-${i}-3`, at: at(11, device, 0), seq: 0 }),
    ]).map((e, i) => ({ ...e, seq: i + 1 }));
    const reset = at(10, "a", 0);
    await repo.withUserLock(userId!, async (tx) => {
      await tx.write([...all, entry({ kind: "resetAt", key: "-", at: at(1), body: null, seq: all.length + 1 })], all.length + 1);
      await tx.prune(reset);
    });
    const kept = (await rowsOf(userId!)).map((r) => r.key).sort();
    const expected = [...all.filter((e) => compareTimestamps(e.at, reset) > 0).map((e) => e.key), "-"].sort();
    expect(kept).toEqual(expected);
  });

  test("a transaction that throws leaves nothing behind", async () => {
    const [userId] = await insertUsers(1);
    const repo = await repository();
    await expect(
      repo.withUserLock(userId!, async (tx) => {
        await tx.write([entry({ kind: "skipped", key: "x", seq: 1 })], 1);
        throw new Error("crash before commit");
      }),
    ).rejects.toThrow("crash before commit");
    expect(await rowsOf(userId!)).toEqual([]);
    const db = await getDb();
    const state = await db.select().from(syncState).where(eq(syncState.userId, userId!));
    expect(state.map((s) => s.lastSeq)).toEqual([]);
  });

  test("one user's transactions run one after another; two users' run side by side", async () => {
    const [alice, bob] = await insertUsers(2);
    const repo = await repository();
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));

    const first = repo.withUserLock(alice!, async () => {
      events.push("alice-1 start");
      firstStarted();
      await firstHolds;
      events.push("alice-1 end");
    });
    await started;
    const second = repo.withUserLock(alice!, async () => {
      events.push("alice-2 start");
    });
    // PGlite has one connection: its transactions queue, so a second user cannot be shown to
    // run alongside there; on PostgreSQL, bob's transaction completes while alice's is held.
    const other =
      process.env.DATABASE_URL !== undefined
        ? repo.withUserLock(bob!, async () => {
            events.push("bob start");
          })
        : Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (process.env.DATABASE_URL !== undefined) expect(events).toEqual(["alice-1 start", "bob start"]);
    else expect(events).toEqual(["alice-1 start"]);
    releaseFirst();
    await Promise.all([first, second, other]);
    expect(events.indexOf("alice-2 start")).toBeGreaterThan(events.indexOf("alice-1 end"));
  });

  test("reads the identities it is asked for as it takes the lock, many at once", async () => {
    const [userId] = await insertUsers(1);
    const repo = await repository();
    const many = Array.from({ length: 2_100 }, (_, i) => entry({ kind: "skipped", key: `lesson-${i}`, lessonId: `lesson-${i}`, body: i % 2 === 0 ? { value: true } : null, seq: i + 1 }));
    await repo.withUserLock(userId!, (tx) => tx.write(many, many.length));
    const wanted = [...many.slice(0, 1_500).map(({ kind, key }) => ({ kind, key })), { kind: "resetAt" as const, key: "-" }, { kind: "checklist" as const, key: "lesson-1" }];
    const read = await repo.withUserLock(userId!, async (tx) => tx.read, { read: wanted });
    expect([...read].sort((a, b) => a.seq - b.seq)).toEqual(many.slice(0, 1_500));
    expect(await repo.withUserLock(userId!, async (tx) => tx.read)).toEqual([]);
    // A null body is stored as SQL NULL, as the Drizzle repository stored it.
    const db = await getDb();
    const nulls = await db.select({ key: syncEntries.key }).from(syncEntries).where(and(eq(syncEntries.userId, userId!), isNull(syncEntries.body)));
    expect(nulls.length).toBe(1_050);
  });

  test("a sync that waited for the lock reads what the holder committed", async () => {
    const [userId] = await insertUsers(1);
    const repo = await repository();
    const id = { kind: "skipped" as const, key: "testing" };
    await repo.withUserLock(userId!, (tx) => tx.write([entry({ ...id, lessonId: "testing", body: { value: false }, seq: 1 })], 1));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    const first = repo.withUserLock(userId!, async (tx) => {
      started();
      await held;
      await tx.write([entry({ ...id, lessonId: "testing", body: { value: true }, at: at(2), seq: 2 })], 2);
    });
    await holding;
    // On PostgreSQL this statement starts (and takes its snapshot) while the first holds the lock.
    const second = repo.withUserLock(userId!, async (tx) => ({ lastSeq: tx.lastSeq, read: tx.read }), { read: [id] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await first;
    const seen = await second;
    expect(seen.lastSeq).toBe(2);
    expect(seen.read).toEqual([entry({ ...id, lessonId: "testing", body: { value: true }, at: at(2), seq: 2 })]);
  });

  test("the user's rows go when the user is deleted", async () => {
    const [userId] = await insertUsers(1);
    const repo = await repository();
    await sync(repo, userId!, { ...emptyFacts(), skipped: { messaging: { value: true, at: at(3) } } });
    expect((await rowsOf(userId!)).length).toBe(1);
    const db = await getDb();
    await db.delete(users).where(eq(users.id, userId!));
    expect(await rowsOf(userId!)).toEqual([]);
    expect(await db.select().from(syncState).where(eq(syncState.userId, userId!))).toEqual([]);
  });
});

describe("loadFactsOf", () => {
  const factsFor = (i: number): ProgressFacts => ({
    ...emptyFacts(),
    checklist: { testing: { [`item-${i % 3}`]: { value: true, at: at(100 + i) } }, messaging: { a: { value: i % 2 === 0, at: at(50) } } },
    skipped: { observability: { value: true, at: at(60) } },
    resetAt: i % 5 === 0 ? at(10) : null,
  });

  test("gives each user's facts as synced, and empty facts to a user with none", async () => {
    const ids = await insertUsers(4);
    const repo = await repository();
    for (const [i, id] of ids.slice(0, 3).entries()) {
      const answer = await sync(repo, id, factsFor(i));
      expect(answer.status).toBe(200);
    }
    const loaded = await loadFactsOf(await getDb(), ids);
    expect([...loaded.keys()].sort()).toEqual([...ids].sort());
    for (const [i, id] of ids.slice(0, 3).entries()) expect(loaded.get(id)).toEqual(factsFor(i));
    expect(loaded.get(ids[3]!)).toEqual(emptyFacts());
    expect(await loadFactsOf(await getDb(), [])).toEqual(new Map());
  });

  test("with lesson ids, only the facts about those lessons (and the reset)", async () => {
    const [id] = await insertUsers(1);
    await sync(await repository(), id!, factsFor(0));
    const loaded = await loadFactsOf(await getDb(), [id!], ["testing"]);
    expect(loaded.get(id!)).toEqual({ ...emptyFacts(), checklist: { testing: factsFor(0).checklist.testing }, resetAt: at(10) });
    const none = await loadFactsOf(await getDb(), [id!], []);
    expect(none.get(id!)).toEqual({ ...emptyFacts(), resetAt: at(10) });
  });

  test("reads 500 users' facts in one go, quickly", async () => {
    const ids = await insertUsers(500, "many");
    const db = await getDb();
    const rows = ids.flatMap((id, i) =>
      factsToEntries(factsFor(i)).map((e, j) => ({
        userId: id,
        kind: e.kind,
        key: e.key,
        lessonId: e.lessonId,
        atWall: e.at.wall,
        atCounter: e.at.counter,
        atDevice: e.at.device,
        body: e.body,
        seq: j + 1,
      })),
    );
    for (let i = 0; i < rows.length; i += 500) await db.insert(syncEntries).values(rows.slice(i, i + 500));
    const started = performance.now();
    const loaded = await loadFactsOf(db, ids);
    const ms = performance.now() - started;
    expect(loaded.size).toBe(500);
    for (const [i, id] of ids.entries()) expect(loaded.get(id)).toEqual(factsFor(i));
    // A generous bound on a loaded machine: it is one query, not 500.
    expect(ms).toBeLessThan(5_000);
  });

  test("a damaged row is left out; the user's other facts stay", async () => {
    const [id] = await insertUsers(1);
    await sync(await repository(), id!, factsFor(1));
    const db = await getDb();
    await db.execute(sql`update sync_entry set body = '{"value": "not a boolean"}'::jsonb where user_id = ${id!} and kind = 'skipped'`);
    await db.insert(syncEntries).values({ userId: id!, kind: "from-the-future", key: "k", lessonId: null, atWall: 1, atCounter: 0, atDevice: "d", body: null, seq: 99 });
    const loaded = await loadFactsOf(db, [id!]);
    expect(loaded.get(id!)).toEqual({ ...factsFor(1), skipped: {} });
  });
});
