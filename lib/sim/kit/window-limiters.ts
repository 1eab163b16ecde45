import { Fifo } from "../fifo";

/**
 * Window rate limiters: at most `limit` requests per `windowMs`, counted two ways. Each is a
 * pure function of the arrival times it is asked about (in ms, never going backwards), so a
 * scenario can replay one run's arrivals through every limiter and compare them.
 */
export interface RateLimiter {
  /** Whether a request arriving at `nowMs` is admitted (and counted). */
  admit(nowMs: number): boolean;
  /** Ms from `nowMs` until a request would be admitted (0 if now): a Retry-After. */
  waitMs(nowMs: number): number;
}

/**
 * Fixed window: one counter per calendar window [k·W, (k+1)·W), reset when the window ends.
 * Cheap, and at a window edge it lets through up to 2 × limit within a short span.
 */
export class FixedWindow implements RateLimiter {
  private window = -1;
  private count = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    assertLimit(limit, windowMs);
  }

  admit(nowMs: number): boolean {
    this.roll(nowMs);
    if (this.count >= this.limit) return false;
    this.count++;
    return true;
  }

  waitMs(nowMs: number): number {
    this.roll(nowMs);
    return this.count < this.limit ? 0 : (this.window + 1) * this.windowMs - nowMs;
  }

  private roll(nowMs: number): void {
    const window = Math.floor(nowMs / this.windowMs);
    if (window !== this.window) {
      this.window = window;
      this.count = 0;
    }
  }
}

/**
 * Sliding window log: the times of the requests admitted in the last windowMs; a request is
 * admitted only if fewer than `limit` remain. Exact: no span of windowMs ever holds more than
 * `limit` admitted requests. Memory grows with the limit.
 */
export class SlidingWindowLog implements RateLimiter {
  private readonly admitted = new Fifo<number>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    assertLimit(limit, windowMs);
  }

  admit(nowMs: number): boolean {
    this.expire(nowMs);
    if (this.admitted.length >= this.limit) return false;
    this.admitted.push(nowMs);
    return true;
  }

  waitMs(nowMs: number): number {
    this.expire(nowMs);
    const oldest = this.admitted.peek();
    return this.admitted.length < this.limit || oldest === undefined ? 0 : oldest + this.windowMs - nowMs;
  }

  /** Forgets admissions that are a full window old: a span is (now − windowMs, now]. */
  private expire(nowMs: number): void {
    for (let oldest = this.admitted.peek(); oldest !== undefined && oldest <= nowMs - this.windowMs; oldest = this.admitted.peek()) {
      this.admitted.shift();
    }
  }
}

function assertLimit(limit: number, windowMs: number): void {
  if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`limit must be an integer >= 1, got ${limit}`);
  if (!(windowMs > 0)) throw new RangeError(`windowMs must be > 0, got ${windowMs}`);
}

/**
 * The most of `times` (ascending, ms) that fall in any half-open span [t, t + spanMs): the
 * busiest second of a run, for spanMs 1000. O(n) with two pointers.
 */
export function busiestSpan(times: readonly number[], spanMs: number): number {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end++) {
    const t = times[end] ?? 0;
    while ((times[start] ?? 0) <= t - spanMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
