import "server-only";
import { sql } from "drizzle-orm";
import * as z from "zod";
import { sqlRows } from "../db/rows";
import { consumeLocalRateLimit } from "./local-rate-limit";
import type { Db } from "../db/types";
import { ProblemError } from "./problem";

/** At most `max` requests per `windowSeconds` (a fixed window that starts with the first request). */
export interface RateLimitRule {
  windowSeconds: number;
  max: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Windows longer than this would be pruned early; no rule needs one. */
const MAX_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * Counts one request against `key` in the database, atomically (one upsert), so every app
 * instance sees the same counters and concurrent requests cannot slip past the limit.
 * The database's clock is the only clock, so instances with skewed clocks still agree.
 */
export async function consumeRateLimit(db: Db, key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
  if (rule.windowSeconds > MAX_WINDOW_SECONDS) throw new Error(`rate-limit window over ${MAX_WINDOW_SECONDS} s`);
  const window = sql`make_interval(secs => ${rule.windowSeconds})`;
  const [row] = await sqlRows(
    db,
    sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      window_start = case when rate_limits.window_start <= now() - ${window} then now() else rate_limits.window_start end,
      count = case when rate_limits.window_start <= now() - ${window} then 1 else rate_limits.count + 1 end
    returning count, ceil(extract(epoch from (window_start + ${window} - now())))::int as retry_after`,
    z.object({ count: z.coerce.number(), retry_after: z.coerce.number() }),
  );
  if (!row) throw new Error("rate-limit upsert returned no row");
  // Prune windows that ended long ago, now and then, so the table stays small.
  if (Math.random() < 0.01) await db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
  if (Number(row.count) <= rule.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Number(row.retry_after)) };
}

/**
 * The helper for route handlers: counts the request and throws a 429 problem (with Retry-After)
 * once the key is over its limit. Keys are namespaced by the caller, e.g. `invite:${userId}`.
 */
export async function enforceRateLimit(db: Db, key: string, rule: RateLimitRule): Promise<void> {
  throwIfLimited(await consumeRateLimit(db, `quorum:${key}`, rule));
}

/** The same, counted in this process's memory (local-rate-limit.ts: for sync, and why). */
export function enforceLocalRateLimit(key: string, rule: RateLimitRule): void {
  throwIfLimited(consumeLocalRateLimit(`quorum:${key}`, rule));
}

function throwIfLimited(decision: RateLimitDecision): void {
  if (!decision.allowed) {
    throw new ProblemError("rate-limited", `Too many requests; try again in ${decision.retryAfterSeconds} s.`, {
      headers: { "retry-after": String(decision.retryAfterSeconds) },
      extensions: { retryAfterSeconds: decision.retryAfterSeconds },
    });
  }
}

/** The limits Quorum applies; one place to read and tune them. */
export const RATE_LIMITS = {
  /** Per client address, on Better Auth's sign-in route. */
  signInPerAddress: { windowSeconds: 60, max: 10 },
  /** Per email address, whatever the client address: guessing one account's password. */
  signInPerEmail: { windowSeconds: 15 * 60, max: 10 },
  signUpPerAddress: { windowSeconds: 60 * 60, max: 20 },
  changePasswordPerAddress: { windowSeconds: 60, max: 5 },
  /** Per inviting user. */
  invitationsPerUser: { windowSeconds: 60 * 60, max: 30 },
  /** Per user, confirming their password (to delete the account). */
  passwordChecksPerUser: { windowSeconds: 15 * 60, max: 5 },
  /** Per client address, looking up invitation links. */
  invitationLookupsPerAddress: { windowSeconds: 60, max: 30 },
  /**
   * Per user, syncing progress. A browser syncs after a burst of changes (at most every 1.5 s
   * while ticking), on focus, and every 30 s; a first sync of a long history takes a few
   * requests more. Two minutes' worth at that pace stays far below this. Counted in each
   * process's memory (enforceLocalRateLimit): a database write per sync would double its cost.
   */
  syncPerUser: { windowSeconds: 60, max: 120 },
  /** Everything else under /api/v1/auth, per client address and path. */
  authDefault: { windowSeconds: 60, max: 100 },
} as const satisfies Record<string, RateLimitRule>;
