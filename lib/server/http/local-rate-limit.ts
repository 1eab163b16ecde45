import "server-only";
import type { RateLimitDecision, RateLimitRule } from "./rate-limit";

/**
 * A fixed-window counter kept in this process's memory, for limits checked on every request
 * of a signed-in browser (sync), where a database write per request would cost more than the
 * work it guards. The price: with several app processes each counts on its own, so a client
 * spread over N of them gets up to N times the limit. That is fine for a limit whose purpose is
 * to stop a runaway client, not a guessing attack (those limits stay in the database).
 */
interface Window {
  end: number;
  count: number;
}

const KEY = Symbol.for("quorum.local-rate-limits");
// On globalThis like the database (db/client.ts): one set of counters per process whatever the bundling.
const slot = ((globalThis as { [KEY]?: { windows: Map<string, Window>; sweepAt: number } })[KEY] ??= { windows: new Map(), sweepAt: 10_000 });

export function consumeLocalRateLimit(key: string, rule: RateLimitRule, now = Date.now()): RateLimitDecision {
  let window = slot.windows.get(key);
  if (!window || window.end <= now) {
    if (!window && slot.windows.size >= slot.sweepAt) sweep(now);
    window = { end: now + rule.windowSeconds * 1_000, count: 0 };
    slot.windows.set(key, window);
  }
  window.count += 1;
  if (window.count <= rule.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.end - now) / 1_000)) };
}

/** Drops the windows that have ended; the map then holds only active keys (and sweeps again at twice their number). */
function sweep(now: number): void {
  for (const [key, window] of slot.windows) if (window.end <= now) slot.windows.delete(key);
  slot.sweepAt = Math.max(10_000, slot.windows.size * 2);
}

/** How many keys are counted (tests: the sweep keeps only live windows). */
export function countedKeysForTests(): number {
  return slot.windows.size;
}

/** Forgets every counter (tests). */
export function clearLocalRateLimitsForTests(): void {
  slot.windows.clear();
}
