/**
 * Each learner's progress on each lesson, reduced to what track derivation needs
 * (lib/tracks/lesson-progress.ts): kept in step with sync_entry by every sync, in the same
 * transaction (lib/server/tracks/lesson-progress.ts), so a lead's dashboard reads one small row
 * per member and lesson instead of every synced fact. Derived data: sync_entry stays the truth.
 *
 * The columns are `json`, not `jsonb`: they are only ever written whole and read whole, and
 * json is stored as text, so answering 10,000 rows costs no jsonb-to-text conversion (about
 * half the dashboard query's time on PGlite).
 *
 * No `server-only` import here: drizzle-kit reads this file to generate migrations.
 */
import { sql } from "drizzle-orm";
import { bigint, json, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const lessonProgress = pgTable(
  "lesson_progress",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: text("lesson_id").notNull(),
    /** Item id → [ticked, wall time]: every checklist register of the lesson. */
    checklist: json("checklist").notNull().default({}),
    /** [skipped, wall time], or null. */
    skipped: json("skipped"),
    /** [correct, total, wall time] of each attempt that beat every earlier one, oldest first. */
    records: json("records").notNull().default([]),
    lastAttemptAt: bigint("last_attempt_at", { mode: "number" }),
    /**
     * The ids of every attempt on the lesson, which the dashboard never reads: a sync that
     * stores an attempt under an id this user already used for another lesson (two copies of one
     * id that disagree, which the merge allows) finds the lesson it leaves here, to refresh it.
     */
    attemptIds: text("attempt_ids").array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonId] })],
);
