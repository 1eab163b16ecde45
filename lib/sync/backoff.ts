/**
 * When to try again after a failed sync. Capped exponential backoff with full jitter: the
 * wait is uniform in [0, min(cap, base·2^attempt)), which spreads clients that failed
 * together (a server restart) instead of bringing them back in waves (Marc Brooker,
 * "Exponential Backoff And Jitter", AWS Architecture Blog; "Timeouts, retries and backoff
 * with jitter", Amazon Builders' Library).
 */

export interface BackoffOptions {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, capMs: 60_000 };

/** A server asking for more than this is ignored beyond it: an hour is long enough to come back and ask again. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/** The ceiling of the wait before retry number `attempt` (0 for the first retry). */
export function backoffCeiling(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.min(options.capMs, options.baseMs * 2 ** Math.max(0, attempt));
}

export function fullJitterDelay(attempt: number, random: () => number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  return Math.floor(random() * backoffCeiling(attempt, options));
}

/** Retry-After (RFC 9110, section 10.2.3): a number of seconds or an HTTP date. Null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  // An HTTP date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse alone would take "-5" as a year.
  const date = /^[A-Za-z]{3}, /.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return null;
  return Math.min(Math.max(0, date - now), MAX_RETRY_AFTER_MS);
}

/**
 * The wait before the next attempt. With a Retry-After, at least that long, plus up to one
 * base interval of jitter so that clients told the same thing do not return in the same
 * instant; without one, full jitter.
 */
export function retryDelay(attempt: number, retryAfterMs: number | null, random: () => number, options = DEFAULT_BACKOFF): number {
  if (retryAfterMs !== null) return retryAfterMs + Math.floor(random() * options.baseMs);
  return fullJitterDelay(attempt, random, options);
}
