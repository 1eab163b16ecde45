/**
 * The lesson_progress table: each learner's LessonProgress per lesson (lib/tracks/lesson-progress.ts),
 * kept in step with their synced facts, and read by a lead's dashboard.
 *
 * - `refreshLessonProgressSql` is part of the sync's write statement (sync/sql-repository.ts):
 *   it recomputes the rows of the lessons the written entries are about (every lesson of the
 *   user when a reset pruned their facts) from the entries as the write leaves them.
 * - `loadLessonProgress` answers every member's rows in one query (one JSON text, as
 *   loadFactsOf does), about twenty rows per member instead of a hundred facts.
 *
 * Migration 0005_lesson_progress fills the table from the facts synced before it existed,
 * with the same computation for every (user, lesson).
 */
import "server-only";
import { and, eq, inArray, min, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Entry } from "@/lib/sync/kinds";
import { RESET_KIND } from "@/lib/sync/kinds";
import type { AttemptRecord, LessonProgress, WallRegister } from "@/lib/tracks/lesson-progress";
import { lessonProgress, syncEntries } from "../db/schema";
import type { Queryable } from "../db/types";
import { log } from "../log";

/** The kinds of fact a LessonProgress is made of; other kinds (reviews, answers) never touch it. */
const LESSON_KINDS: ReadonlySet<string> = new Set(["checklist", "skipped", "attempts"]);

/** Which rows a write must recompute: the lessons written; and the lessons the written attempts were stored under before; or, after a reset, every lesson of the user too. */
export type RefreshScope = "lessons" | "withAttempts" | "afterReset";

/**
 * The lesson_progress rows that writing these entries changes: every lesson they are about,
 * and every lesson an attempt among them was stored under before; after a newer reset (a reset
 * entry among them), every lesson the user has a row for. Null when there is none to refresh.
 */
export function refreshOf(written: readonly Pick<Entry, "kind" | "key" | "lessonId">[]): { scope: RefreshScope; lessonIds: string[]; attemptIds: string[] } | null {
  const lessonIds = new Set<string>();
  const attemptIds: string[] = [];
  let reset = false;
  for (const entry of written) {
    if (entry.kind === RESET_KIND) reset = true;
    else if (entry.lessonId !== null && LESSON_KINDS.has(entry.kind)) lessonIds.add(entry.lessonId);
    if (entry.kind === "attempts") attemptIds.push(entry.key);
  }
  if (lessonIds.size === 0 && !reset) return null;
  return { scope: reset ? "afterReset" : attemptIds.length > 0 ? "withAttempts" : "lessons", lessonIds: [...lessonIds], attemptIds };
}

/**
 * The statement that brings the user's lesson_progress rows of `scope` in line with `entries`
 * (a relation with sync_entry's columns: the table itself, or what it holds once a write is
 * applied), with the placeholders `userId`, `lessonIds` and `attemptIds` (see refreshOf).
 * Recomputing from the stored facts, rather than patching the old row, keeps it exact under
 * any merge, reset or replay; it reads one lesson's few rows through the (user_id, lesson_id) index.
 */
export function refreshLessonProgressSql(scope: RefreshScope, entries: SQL): SQL {
  const userId = sql.placeholder("userId");
  const written = sql`select unnest(${sql.placeholder("lessonIds")}::text[]) as lesson_id`;
  const mine = sql`select lesson_id from lesson_progress where user_id = ${userId}`;
  const lessons = {
    lessons: written,
    withAttempts: sql`${written} union ${mine} and attempt_ids && ${sql.placeholder("attemptIds")}::text[]`,
    afterReset: sql`${written} union ${mine}`,
  }[scope];
  return sql`
    insert into lesson_progress (user_id, lesson_id, checklist, skipped, records, last_attempt_at, attempt_ids)
    select ${userId}, l.lesson_id, ${lessonProgressColumns(userId, sql`l.lesson_id`, entries)}
    from (${lessons}) l
    on conflict (user_id, lesson_id) do update set checklist = excluded.checklist, skipped = excluded.skipped,
      records = excluded.records, last_attempt_at = excluded.last_attempt_at, attempt_ids = excluded.attempt_ids`;
}

/**
 * The computed columns of one (user, lesson), from sync_entry: checklist registers by item id,
 * the skip register, the record attempts (each scoring strictly higher than every earlier one,
 * in timestamp order with the attempt id breaking ties, as lessonProgressOf sorts them), the
 * latest attempt's wall time, and the attempts' ids. Scores compare as exact numerics
 * (correct / total). Migration 0004 holds a copy for its backfill (tests/server/lesson-progress.test.ts
 * checks that both agree with lessonProgressOf).
 */
function lessonProgressColumns(userId: Placeholder, lessonId: SQL, entries: SQL): SQL {
  return sql`
    coalesce((select json_object_agg(substr(e.key, length(e.lesson_id) + 2), json_build_array(e.body -> 'value', e.at_wall))
              from ${entries} e where e.user_id = ${userId} and e.lesson_id = ${lessonId} and e.kind = 'checklist'), '{}'::json),
    (select json_build_array(e.body -> 'value', e.at_wall)
     from ${entries} e where e.user_id = ${userId} and e.lesson_id = ${lessonId} and e.kind = 'skipped'),
    coalesce((select json_agg(json_build_array(a.correct, a.total, a.at_wall) order by a.at_wall, a.at_counter, a.at_device, a.key)
              from (select e.key collate "C" as key, e.at_wall, e.at_counter, e.at_device,
                           (e.body ->> 'correct')::int as correct, (e.body ->> 'total')::int as total,
                           max((e.body ->> 'correct')::numeric / greatest((e.body ->> 'total')::int, 1)) over (
                             order by e.at_wall, e.at_counter, e.at_device, e.key collate "C"
                             rows between unbounded preceding and 1 preceding) as best_before
                    from ${entries} e where e.user_id = ${userId} and e.lesson_id = ${lessonId} and e.kind = 'attempts') a
              where a.best_before is null or a.correct::numeric / greatest(a.total, 1) > a.best_before), '[]'::json),
    (select max(e.at_wall) from ${entries} e where e.user_id = ${userId} and e.lesson_id = ${lessonId} and e.kind = 'attempts'),
    coalesce((select array_agg(e.key) from ${entries} e where e.user_id = ${userId} and e.lesson_id = ${lessonId} and e.kind = 'attempts'), '{}'::text[])`;
}

/** Users per query: 500 learners is one query. */
const USERS_PER_QUERY = 1_000;

type Row = [userId: string, lessonId: string, progress: LessonProgress];

/** A register as the table keeps it, [value, wall time]. */
const isRegister = (value: unknown): value is [boolean, number] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === "boolean" && typeof value[1] === "number";
const registerOf = ([value, wall]: [boolean, number]): WallRegister => ({ value, at: { wall } });
const isRecord = (value: unknown): value is AttemptRecord =>
  Array.isArray(value) && value.length === 3 && typeof value[0] === "number" && typeof value[1] === "number" && typeof value[2] === "number";

/**
 * One answered row, checked for the table's shape. Only refreshLessonProgress writes the table,
 * from validated facts, so this guards against a damaged or hand-edited row rather than
 * validating input; written by hand because zod costs about 60 ms for a team's 10,000 rows
 * (half the dashboard's budget) where these checks cost a few.
 */
function rowOf(value: unknown): Row | null {
  if (!Array.isArray(value) || value.length !== 6) return null;
  const [userId, lessonId, items, skipped, records, lastAttemptAt] = value as unknown[];
  if (typeof userId !== "string" || typeof lessonId !== "string") return null;
  if (typeof items !== "object" || items === null || Array.isArray(items)) return null;
  const checklist: Record<string, WallRegister> = {};
  for (const [itemId, register] of Object.entries(items)) {
    if (!isRegister(register)) return null;
    checklist[itemId] = registerOf(register);
  }
  if (skipped !== null && !isRegister(skipped)) return null;
  if (!Array.isArray(records) || !records.every(isRecord)) return null;
  if (lastAttemptAt !== null && typeof lastAttemptAt !== "number") return null;
  return [userId, lessonId, { checklist, skipped: skipped && registerOf(skipped), records, lastAttemptAt }];
}

/**
 * Each user's LessonProgress by lesson (every id in `userIds` is a key; lessons they never
 * touched are absent). With `lessonIds`, only those lessons. A row that does not have the
 * table's shape is left out and logged (the step then shows as not started).
 */
export async function loadLessonProgress(
  db: Queryable,
  userIds: readonly string[],
  lessonIds?: readonly string[],
): Promise<Map<string, Map<string, LessonProgress>>> {
  const unique = [...new Set(userIds)];
  const result = new Map<string, Map<string, LessonProgress>>(unique.map((id) => [id, new Map()]));
  if (lessonIds?.length === 0) return result;
  for (let i = 0; i < unique.length; i += USERS_PER_QUERY) {
    const users = inArray(lessonProgress.userId, unique.slice(i, i + USERS_PER_QUERY));
    const [answer] = await db
      .select({
        rows: sql<string | null>`json_agg(json_build_array(${lessonProgress.userId}, ${lessonProgress.lessonId}, ${lessonProgress.checklist}, ${lessonProgress.skipped}, ${lessonProgress.records}, ${lessonProgress.lastAttemptAt}))::text`,
      })
      .from(lessonProgress)
      .where(lessonIds ? and(users, inArray(lessonProgress.lessonId, [...lessonIds])) : users);
    const rows: unknown = JSON.parse(answer?.rows ?? "[]");
    for (const value of Array.isArray(rows) ? rows : []) {
      const row = rowOf(value);
      if (row) result.get(row[0])?.set(row[1], row[2]);
      else log("warn", "a lesson_progress row of the wrong shape was left out", { row: JSON.stringify(value).slice(0, 200) });
    }
  }
  return result;
}

/** When each user first took the self-assessment (their earliest answer); absent when never. */
export async function assessmentTakenAtOfUsers(db: Queryable, userIds: readonly string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  const unique = [...new Set(userIds)];
  for (let i = 0; i < unique.length; i += USERS_PER_QUERY) {
    const rows = await db
      .select({ userId: syncEntries.userId, first: min(syncEntries.atWall) })
      .from(syncEntries)
      .where(and(inArray(syncEntries.userId, unique.slice(i, i + USERS_PER_QUERY)), eq(syncEntries.kind, "answers")))
      .groupBy(syncEntries.userId);
    for (const row of rows) if (row.first !== null) result.set(row.userId, Number(row.first));
  }
  return result;
}
