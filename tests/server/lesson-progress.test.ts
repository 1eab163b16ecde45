/**
 * lesson_progress (lib/server/tracks/lesson-progress.ts), on PGlite and PostgreSQL: after any
 * sequence of syncs (resets included) its rows are exactly lessonProgressOf of the merged facts,
 * the matrix built from them is exactly the matrix built from the facts, and the migration's
 * backfill computes the same rows from facts synced before the table existed.
 */
import { readFileSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeFacts, pruneBefore } from "@/lib/progress/merge";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { getDatabase, getDb } from "@/lib/server/db/client";
import { lessonProgress, syncEntries, syncState, users } from "@/lib/server/db/schema";
import { sqlSyncRepository } from "@/lib/server/sync/sql-repository";
import { handleSync } from "@/lib/server/sync/handler";
import { loadLessonProgress } from "@/lib/server/tracks/lesson-progress";
import { factsToEntries } from "@/lib/sync/entries";
import { buildSyncRequest } from "@/lib/sync/protocol";
import { lessonLookup } from "@/lib/tracks/derive";
import { type LessonProgress, lessonProgressOf, type WallRegister } from "@/lib/tracks/lesson-progress";
import { buildTeamMatrix } from "@/lib/tracks/team";
import type { Track } from "@/lib/tracks/types";
import { facts } from "@/tests/unit/progress/arbitraries";
import { insertUsers } from "./support/sync-users";

/**
 * Facts as a device holds them (nothing at or before its own reset), with up to ten more quiz
 * attempts on few scores and few instants, so that equal scores and equal timestamps are common.
 */
const attempts = fc.array(
  fc.record({
    id: fc.integer({ min: 10, max: 40 }).map((n) => `attempt-00${n}`),
    lessonId: fc.constantFrom("fault-tolerance", "messaging"),
    at: fc.record({ wall: fc.integer({ min: 0, max: 20 }), counter: fc.integer({ min: 0, max: 1 }), device: fc.constantFrom("device-a", "device-b") }),
    correct: fc.integer({ min: 0, max: 4 }),
    total: fc.constantFrom(2, 4),
  }),
  { maxLength: 10 },
);
const normal = fc.tuple(facts, attempts).map(([f, extra]) => {
  const more = Object.fromEntries(extra.map((a) => [a.id, { ...a, correct: Math.min(a.correct, a.total), responses: {} }]));
  return pruneBefore({ ...f, attempts: { ...f.attempts, ...more } }, f.resetAt);
});

/**
 * What derivation reads of each lesson (registers as value and wall time; a fact's register
 * also carries the rest of its timestamp), leaving out lessons with nothing in them: a row
 * emptied by a reset equals no row.
 */
function nonEmpty(progress: ReadonlyMap<string, LessonProgress> | undefined) {
  const wall = (r: WallRegister) => [r.value, r.at.wall];
  const out: Record<string, unknown> = {};
  for (const [lessonId, p] of progress ?? []) {
    const checklist = Object.fromEntries(Object.entries(p.checklist).map(([id, r]) => [id, wall(r)]));
    if (Object.keys(checklist).length > 0 || p.skipped !== null || p.records.length > 0 || p.lastAttemptAt !== null)
      out[lessonId] = { checklist, skipped: p.skipped && wall(p.skipped), records: p.records, lastAttemptAt: p.lastAttemptAt };
  }
  return out;
}

// The arbitraries' lessons, with checklists that leave some of their items out (content moves on).
const lessons = lessonLookup([
  { id: "fault-tolerance", title: "Fault tolerance", checklistIds: ["item-a", "item-b"], hasQuiz: true },
  { id: "messaging", title: "Messaging", checklistIds: ["item-a", "item-b", "item-c"], hasQuiz: true },
  { id: "security", title: "Security", checklistIds: ["item-c"], hasQuiz: false },
]);

const track = fc.record({ passMark: fc.integer({ min: 0, max: 100 }), order: fc.shuffledSubarray([...lessons.keys()], { minLength: 1 }) }).map(
  ({ passMark, order }): Track => ({
    id: "track",
    title: "Track",
    summary: "",
    passMark,
    assessment: null,
    steps: order.map((lessonId, i) => ({ lessonId, due: { kind: "days", days: i }, note: "" })),
  }),
);

async function sync(userId: string, pushed: ProgressFacts): Promise<void> {
  const body = JSON.stringify(buildSyncRequest({ account: userId, deviceId: "device-a", cursor: null, facts: pushed }));
  const result = await handleSync(body, sqlSyncRepository(await getDatabase()), { id: userId });
  if (result.status !== 200) throw new Error(`sync refused: ${JSON.stringify(result)}`);
}

describe("lesson_progress", () => {
  it("after any sequence of syncs is exactly lessonProgressOf the merged facts, and gives the same matrix", async () => {
    const db = await getDb();
    await fc.assert(
      fc.asyncProperty(fc.array(normal, { minLength: 1, maxLength: 5 }), track, fc.integer({ min: 0, max: 40 }), async (pushes, plan, now) => {
        const [userId] = await insertUsers(1, "lp");
        for (const pushed of pushes) await sync(userId!, pushed);
        const merged = pushes.reduce(mergeFacts, emptyFacts());
        const stored = (await loadLessonProgress(db, [userId!])).get(userId!);
        expect(nonEmpty(stored)).toEqual(nonEmpty(lessonProgressOf(merged)));

        const matrix = (member: Parameters<typeof buildTeamMatrix>[0]["members"][number]) =>
          buildTeamMatrix({ tracks: [plan], lessons, members: [member], assignments: [{ memberId: "m", trackId: "track", startedAt: 3 }], time: { now, timeZone: "UTC" } });
        expect(matrix({ id: "m", name: "M", lessons: stored ?? new Map() })).toEqual(matrix({ id: "m", name: "M", facts: merged }));
      }),
      { numRuns: 30 },
    );
  });

  it("reads only the lessons asked for, and gives every user asked for a map, empty when they synced nothing", async () => {
    const db = await getDb();
    const [learner, idle] = await insertUsers(2, "lp-read");
    const at = { wall: 5, counter: 0, device: "device-a" };
    await sync(learner!, { ...emptyFacts(), checklist: { messaging: { "item-a": { value: true, at } }, security: { "item-c": { value: true, at } } } });
    const read = await loadLessonProgress(db, [learner!, idle!], ["messaging"]);
    expect([...read.keys()].sort()).toEqual([learner, idle].sort());
    expect(Object.fromEntries(read.get(learner!)!)).toEqual({ messaging: { checklist: { "item-a": { value: true, at: { wall: 5 } } }, skipped: null, records: [], lastAttemptAt: null } });
    expect(read.get(idle!)!.size).toBe(0);
    expect((await loadLessonProgress(db, [learner!], [])).get(learner!)!.size).toBe(0);
  });

  it("the migration's backfill computes the same rows from facts synced before the table existed", async () => {
    const db = await getDb();
    const samples = fc.sample(normal, { numRuns: 40, seed: 4242 });
    const userIds = await insertUsers(samples.length, "lp-backfill");
    // Written straight into sync_entry, as the sync of an older version did (no lesson_progress).
    for (const [i, f] of samples.entries()) {
      const rows = factsToEntries(f).map((e, seq) => ({ userId: userIds[i]!, kind: e.kind, key: e.key, lessonId: e.lessonId, atWall: e.at.wall, atCounter: e.at.counter, atDevice: e.at.device, body: e.body, seq: seq + 1 }));
      if (rows.length > 0) await db.insert(syncEntries).values(rows);
      await db.insert(syncState).values({ userId: userIds[i]!, lastSeq: rows.length });
    }
    await db.delete(lessonProgress);
    const migration = readFileSync("lib/server/db/migrations/0005_lesson_progress.sql", "utf8").split("--> statement-breakpoint");
    await db.execute(migration.at(-1)!);
    const stored = await loadLessonProgress(db, userIds);
    for (const [i, f] of samples.entries()) expect(nonEmpty(stored.get(userIds[i]!))).toEqual(nonEmpty(lessonProgressOf(f)));
    const rows = await db.select({ userId: lessonProgress.userId }).from(lessonProgress).where(inArray(lessonProgress.userId, userIds));
    expect(rows.length).toBe(samples.reduce((n, f) => n + Object.keys(nonEmpty(lessonProgressOf(f))).length, 0));
  });

  it("goes with the account", async () => {
    const db = await getDb();
    const [userId] = await insertUsers(1, "lp-gone");
    await sync(userId!, { ...emptyFacts(), skipped: { messaging: { value: true, at: { wall: 1, counter: 0, device: "device-a" } } } });
    expect((await db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId!))).length).toBe(1);
    await db.delete(users).where(eq(users.id, userId!));
    expect((await db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId!))).length).toBe(0);
  });
});
