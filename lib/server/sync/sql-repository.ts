/**
 * SyncRepository on the database (PGlite or PostgreSQL), in hand-written SQL: every sync runs
 * these few statements, prepared once per connection on PostgreSQL (db/statements.ts). One sync
 * is one transaction that first locks the user's sync_state row (an upsert, creating it on first
 * use), so one user's syncs run one after another and their seqs are given in commit order;
 * different users never wait for each other. A push is four round trips: BEGIN, lock and read
 * (one statement), write (the entries, the last seq and the lessons' progress: one statement),
 * COMMIT.
 * Timeouts: the pool's statement_timeout on PostgreSQL, the timed client on PGlite
 * (db/timeouts.ts).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Timestamp } from "@/lib/progress/clock";
import { RESET_KIND } from "@/lib/sync/kinds";
import type { Database } from "../db/client";
import { compiled, type SqlTransaction, type Statement } from "../db/statements";
import { type RefreshScope, refreshLessonProgressSql, refreshOf } from "../tracks/lesson-progress";
import type { EntryId, StoredEntry, SyncRepository, SyncTransaction } from "./repository";
import { rowToEntry } from "./rows";

const ENTRY_COLUMNS = "e.kind, e.key, e.lesson_id, e.at_wall, e.at_counter, e.at_device, e.body, e.seq";

/** The stored entries of user $1 among the identities ($2 kinds, $3 keys, pairwise). */
const wanted = (columns: string) =>
  `select ${columns} from sync_entry e where e.user_id = $1 and (e.kind, e.key) in (select * from unnest($2::text[], $3::text[]))`;

/**
 * Takes the user's lock and reads the wanted entries in one statement. The read sees the
 * snapshot the statement started with; if another sync of this user committed between that
 * snapshot and the lock, the lock's row shows a higher last_seq than the snapshot's (every change
 * to a user's entries raises it, see SyncTransaction.write), and the entries are read again.
 */
const LOCK_AND_READ: Statement = {
  name: "quorum_sync_lock_read",
  text: `with locked as (
    insert into sync_state as s (user_id) values ($1)
    on conflict (user_id) do update set last_seq = s.last_seq
    returning s.last_seq)
  select locked.last_seq as locked_seq, (select last_seq from sync_state where user_id = $1) as seen_seq, ${ENTRY_COLUMNS}
  from locked left join (${wanted("e.*")}) e on true`,
};

const READ: Statement = { name: "quorum_sync_read", text: wanted(ENTRY_COLUMNS) };

const READ_SINCE: Statement = {
  name: "quorum_sync_read_since",
  text: `select ${ENTRY_COLUMNS} from sync_entry e where e.user_id = $1 and e.seq > $2 order by e.seq limit $3`,
};

/** at_device is `collate "C"`, so the tuple compares like compareTimestamps. */
const PRUNE: Statement = {
  name: "quorum_sync_prune",
  text: `delete from sync_entry where user_id = $1 and kind <> $2
    and (at_wall, at_counter, at_device) <= ($3::bigint, $4::integer, $5::text collate "C")`,
};

/**
 * Records the last seq, upserts the entries (one JSON array parameter, so one statement whatever
 * their number) and refreshes the lesson_progress rows they change (tracks/lesson-progress.ts),
 * all in one statement. Its parts see the tables as they were before it (data-modifying CTEs run
 * on one snapshot), so the refresh reads `applied`: the stored entries with the written ones in
 * place of those they replace, which is what sync_entry holds once the statement is done. A JSON
 * null body is stored as SQL NULL, as before. Placeholders: userId, lastSeq, entries, and
 * refreshOf's lessonIds and attemptIds.
 */
function writeStatement(name: string, scope: RefreshScope | null): Statement {
  const userId = sql.placeholder("userId");
  const head = sql`with recorded as (update sync_state set last_seq = ${sql.placeholder("lastSeq")} where user_id = ${userId} returning last_seq),
  incoming as (
    select r.kind, r.key, r.lesson_id, r.at_wall, r.at_counter, r.at_device collate "C" as at_device, nullif(r.body, 'null'::jsonb) as body, r.seq
    from jsonb_to_recordset(${sql.placeholder("entries")}::jsonb)
      as r(kind text, key text, lesson_id text, at_wall bigint, at_counter integer, at_device text, body jsonb, seq bigint)),
  written as (
    insert into sync_entry (user_id, kind, key, lesson_id, at_wall, at_counter, at_device, body, seq)
    select ${userId}, i.kind, i.key, i.lesson_id, i.at_wall, i.at_counter, i.at_device, i.body, i.seq from incoming i
    on conflict (user_id, kind, key) do update set lesson_id = excluded.lesson_id, at_wall = excluded.at_wall,
      at_counter = excluded.at_counter, at_device = excluded.at_device, body = excluded.body, seq = excluded.seq
    returning 1)`;
  if (scope === null) return compiled(name, sql`${head} select count(*) from written`);
  // Not materialized: each use is planned with its lesson's condition, through the (user_id, lesson_id) index.
  const applied = sql`, applied as not materialized (
    select s.user_id, s.kind, s.key, s.lesson_id, s.at_wall, s.at_counter, s.at_device, s.body from sync_entry s
    where s.user_id = ${userId} and not exists (select 1 from incoming i where i.kind = s.kind and i.key = s.key)
    union all
    select ${userId}::text, i.kind, i.key, i.lesson_id, i.at_wall, i.at_counter, i.at_device, i.body from incoming i)`;
  return compiled(name, sql`${head}${applied} ${refreshLessonProgressSql(scope, sql`applied`)}`);
}

const WRITE = {
  none: writeStatement("quorum_sync_write", null),
  lessons: writeStatement("quorum_sync_write_lessons", "lessons"),
  withAttempts: writeStatement("quorum_sync_write_lessons_attempts", "withAttempts"),
  afterReset: writeStatement("quorum_sync_write_lessons_reset", "afterReset"),
} satisfies Record<RefreshScope | "none", Statement>;

/** Every statement a sync may run (a test reads their generic plans). */
export const SYNC_STATEMENTS: readonly Statement[] = [LOCK_AND_READ, READ, READ_SINCE, PRUNE, ...Object.values(WRITE)];

interface EntryRow {
  kind: string | null;
  key: string | null;
  lesson_id: string | null;
  at_wall: string | number | null;
  at_counter: number | null;
  at_device: string | null;
  body: unknown;
  seq: string | number | null;
}

function entriesOf(rows: readonly EntryRow[]): StoredEntry[] {
  const entries: StoredEntry[] = [];
  for (const row of rows) {
    if (row.kind === null || row.key === null || row.at_wall === null || row.at_counter === null || row.at_device === null || row.seq === null) continue;
    const entry = rowToEntry({ kind: row.kind, key: row.key, lessonId: row.lesson_id, atWall: Number(row.at_wall), atCounter: row.at_counter, atDevice: row.at_device, body: row.body });
    if (entry) entries.push({ ...entry, seq: Number(row.seq) });
  }
  return entries;
}

/** The identities as two parallel arrays (kinds, keys), for `unnest`. */
function idColumns(ids: readonly EntryId[]): [string[], string[]] {
  return [ids.map((id) => id.kind), ids.map((id) => id.key)];
}

export function sqlSyncRepository(database: Pick<Database, "transact">): SyncRepository {
  return {
    withUserLock: (userId, work, options = {}) =>
      database.transact(async (tx) => {
        const rows = await tx.run<EntryRow & { locked_seq: string | number; seen_seq: string | number | null }>(LOCK_AND_READ, [userId, ...idColumns(options.read ?? [])]);
        const first = rows[0];
        if (!first) throw new Error("sync_state upsert returned no row");
        const lastSeq = Number(first.locked_seq);
        const unchanged = lastSeq === Number(first.seen_seq ?? 0);
        const read = unchanged ? entriesOf(rows) : await readEntries(tx, userId, options.read ?? []);
        return work(transactionFor(tx, userId, lastSeq, read));
      }),
  };
}

async function readEntries(tx: SqlTransaction, userId: string, ids: readonly EntryId[]): Promise<StoredEntry[]> {
  if (ids.length === 0) return [];
  return entriesOf(await tx.run<EntryRow>(READ, [userId, ...idColumns(ids)]));
}

function transactionFor(tx: SqlTransaction, userId: string, lastSeq: number, read: StoredEntry[]): SyncTransaction {
  return {
    lastSeq,
    read,
    readEntries: (ids) => readEntries(tx, userId, ids),
    async readSince(seq, limit) {
      return entriesOf(await tx.run<EntryRow>(READ_SINCE, [userId, seq, limit]));
    },
    async prune(resetAt: Timestamp) {
      await tx.run(PRUNE, [userId, RESET_KIND, resetAt.wall, resetAt.counter, resetAt.device]);
    },
    async write(entries: readonly StoredEntry[], newLastSeq: number) {
      const rows = entries.map((e) => ({ kind: e.kind, key: e.key, lesson_id: e.lessonId, at_wall: e.at.wall, at_counter: e.at.counter, at_device: e.at.device, body: e.body ?? null, seq: e.seq }));
      const refresh = refreshOf(entries);
      await tx.run(WRITE[refresh?.scope ?? "none"], { userId, lastSeq: newLastSeq, entries: JSON.stringify(rows), lessonIds: refresh?.lessonIds ?? [], attemptIds: refresh?.attemptIds ?? [] });
    },
  };
}
