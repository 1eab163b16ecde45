/**
 * Synced progress facts (docs/sync.md): one row per fact ("entry"), unique per (user, kind,
 * key), stamped with the per-user sequence number of its last change; and one sync-state row
 * per user holding their last seq, which a sync locks (`for update`) so that one user's syncs
 * run one after another and seqs are given in commit order.
 *
 * No `server-only` import here: drizzle-kit reads this file to generate migrations.
 */
import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { users } from "./auth";

/**
 * Text that compares like JavaScript strings (by code unit for ASCII, byte order for the rest),
 * whatever the database's locale: the prune compares (at_wall, at_counter, at_device) tuples
 * and must agree with compareTimestamps. Device ids are ASCII.
 */
const textCollateC = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE "C"',
});

export const syncState = pgTable("sync_state", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
});

export const syncEntries = pgTable(
  "sync_entry",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    lessonId: text("lesson_id"),
    atWall: bigint("at_wall", { mode: "number" }).notNull(),
    atCounter: integer("at_counter").notNull(),
    atDevice: textCollateC("at_device").notNull(),
    body: jsonb("body"),
    seq: bigint("seq", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.key] }),
    index("sync_entry_user_seq_idx").on(t.userId, t.seq),
    index("sync_entry_user_lesson_idx").on(t.userId, t.lessonId),
  ],
);
