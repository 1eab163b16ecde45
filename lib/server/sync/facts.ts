/**
 * What other features (a lead's team dashboard, tracks) read of synced progress: each user's
 * facts, rebuilt from their sync_entry rows and validated like stored and imported progress.
 * Server only; callers authorize first (authorize.ts: `progress.view`, teamsWhereVisible).
 */
import "server-only";
import { and, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { ProgressFacts } from "@/lib/progress/types";
import { entriesToFacts, parseEntries } from "@/lib/sync/entries";
import type { Entry } from "@/lib/sync/kinds";
import { RESET_KIND } from "@/lib/sync/kinds";
import { syncEntries } from "../db/schema";
import type { Queryable } from "../db/types";
import { log } from "../log";
import { rowToEntry, type SyncEntryRow } from "./rows";

/** Users per query: 500 learners is one query. */
const USERS_PER_QUERY = 1_000;
/** Lesson ids per query, for the same reason (the lesson filter repeats in each user chunk). */
const MAX_LESSON_IDS = 5_000;

/**
 * The facts of each user in `userIds` (every id is a key of the answer; a user with no synced
 * rows has empty facts). With `lessonIds`, only the facts about those lessons (entries whose
 * lessonId is one of them), plus the reset watermark; facts about no lesson are left out.
 */
export async function loadFactsOf(db: Queryable, userIds: readonly string[], lessonIds?: readonly string[]): Promise<Map<string, ProgressFacts>> {
  const unique = [...new Set(userIds)];
  const entries = new Map<string, Entry[]>(unique.map((id) => [id, []]));
  if (lessonIds !== undefined && lessonIds.length > MAX_LESSON_IDS) throw new Error(`loadFactsOf: at most ${MAX_LESSON_IDS} lesson ids`);
  const lessonFilter =
    lessonIds === undefined
      ? undefined
      : lessonIds.length === 0
        ? eq(syncEntries.kind, RESET_KIND)
        : or(inArray(syncEntries.lessonId, [...lessonIds]), and(eq(syncEntries.kind, RESET_KIND), isNull(syncEntries.lessonId)));
  for (let i = 0; i < unique.length; i += USERS_PER_QUERY) {
    const part = unique.slice(i, i + USERS_PER_QUERY);
    for (const row of await selectRows(db, and(inArray(syncEntries.userId, part), lessonFilter))) {
      const entry = rowToEntry(row);
      if (entry) entries.get(row.userId)?.push(entry);
    }
  }
  const facts = new Map<string, ProgressFacts>();
  for (const [userId, list] of entries) facts.set(userId, validated(userId, list));
  return facts;
}

/**
 * The rows matching `where`, in one query that answers a single JSON text (one array per row)
 * parsed once here: drivers (PGlite above all) spend far more turning 50,000 rows of eight
 * columns into objects than PostgreSQL spends building the text. Same columns as the table.
 */
type FactRow = Omit<SyncEntryRow, "seq">;

async function selectRows(db: Queryable, where: SQL | undefined): Promise<FactRow[]> {
  const [answer] = await db
    .select({
      rows: sql<string | null>`json_agg(json_build_array(${syncEntries.userId}, ${syncEntries.kind}, ${syncEntries.key}, ${syncEntries.lessonId}, ${syncEntries.atWall}, ${syncEntries.atCounter}, ${syncEntries.atDevice}, ${syncEntries.body}))::text`,
    })
    .from(syncEntries)
    .where(where);
  const tuples = JSON.parse(answer?.rows ?? "[]") as [string, string, string, string | null, number, number, string, unknown][];
  return tuples.map(([userId, kind, key, lessonId, atWall, atCounter, atDevice, body]) => ({ userId, kind, key, lessonId, atWall, atCounter, atDevice, body }));
}

/**
 * The facts of these rows, validated. Rows only ever come from validated facts, so a failure
 * means a damaged row: the rest of that user's facts are kept, the bad rows are left out and logged.
 */
function validated(userId: string, list: Entry[]): ProgressFacts {
  const parsed = parseEntries(list);
  if (parsed.ok) return parsed.facts;
  const good = list.filter((entry) => parseEntries([entry]).ok);
  log("warn", "invalid synced facts left out", { userId, reason: parsed.reason, dropped: list.length - good.length });
  const again = parseEntries(good);
  return again.ok ? again.facts : entriesToFacts([]);
}
