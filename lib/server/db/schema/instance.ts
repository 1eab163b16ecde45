/**
 * Instance-wide facts: the generated auth secret, the setup claim, who the admin is. Also the
 * counters of every rate limit (Better Auth's and Quorum's own), so that several app instances
 * on one PostgreSQL share them and nothing that matters lives in a process's memory.
 *
 * No `server-only` import here: drizzle-kit reads this file to generate migrations.
 */
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** One fixed window per key: `count` requests since `window_start`. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true, mode: "date" }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [index("rate_limits_window_start_idx").on(t.windowStart)],
);
