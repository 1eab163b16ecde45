import type { Rng } from "../rng";

/**
 * The rules a client follows after an attempt fails: how long to wait before the next one,
 * how many retries it may afford, and when to stop calling at all. Each piece is small and
 * pure (state plus virtual time passed in), so a scenario can use one without the others.
 */

/** How long to wait before the next attempt, after attempt number `failed` (1-based) failed. */
export type Backoff = (failed: number, rng: Rng) => number;

/** Retry at once. Draws nothing. */
export const noBackoff: Backoff = () => 0;

/** base · 2^(n−1), capped: 100, 200, 400 ms... Every client that failed at once retries at once. */
export function exponentialBackoff(baseMs: number, capMs: number): Backoff {
  return (failed) => Math.min(capMs, baseMs * 2 ** (failed - 1));
}

/**
 * "Full jitter" (Brooker, AWS Architecture Blog, 2015): a delay drawn uniformly between 0 and
 * the exponential backoff, so clients that failed together spread their retries out.
 */
export function fullJitterBackoff(baseMs: number, capMs: number): Backoff {
  const ceiling = exponentialBackoff(baseMs, capMs);
  return (failed, rng) => rng.uniform(0, ceiling(failed, rng));
}

export interface RetryBudgetSpec {
  /** Tokens earned per request sent (0.1: retries up to about 10% of requests). */
  readonly perRequest: number;
  /** Most tokens held at once; a client starts full. */
  readonly capacity: number;
}

/** A token bucket filled by requests and emptied by retries: retries stay a fraction of the load. */
export class RetryBudget {
  private level: number;

  constructor(private readonly spec: RetryBudgetSpec) {
    this.level = spec.capacity;
  }

  get tokens(): number {
    return this.level;
  }

  /** A new request was sent. */
  earn(): void {
    this.level = Math.min(this.spec.capacity, this.level + this.spec.perRequest);
  }

  /** Takes a token for a retry; false (and no retry) when there is less than one. */
  spend(): boolean {
    if (this.level < 1) return false;
    this.level -= 1;
    return true;
  }
}

export type BreakerState = "closed" | "open" | "half-open";

export interface CircuitBreakerSpec {
  /** Consecutive failures that open the circuit. */
  readonly threshold: number;
  /** How long it stays open before one attempt may probe. */
  readonly cooldownMs: number;
}

/**
 * A client-side circuit breaker. Closed: calls go through and failures in a row are counted;
 * `threshold` of them open it. Open: calls are refused at once until `cooldownMs` has passed;
 * then the next call goes through as a probe (half-open). A success closes it; a failure
 * while half-open opens it again.
 */
export class CircuitBreaker {
  private current: BreakerState = "closed";
  private consecutiveFailures = 0;
  private openUntil = 0;
  private refused = 0;

  constructor(
    private readonly spec: CircuitBreakerSpec,
    /** Told of every change of state (to draw the client as open or half-open). */
    private readonly onChange?: (state: BreakerState) => void,
  ) {}

  get state(): BreakerState {
    return this.current;
  }

  /** Calls refused because the circuit was open. */
  get rejections(): number {
    return this.refused;
  }

  /** May a call go out at virtual time `now`? Refusals are counted; after the cooldown the call is a probe. */
  allow(now: number): boolean {
    if (this.current !== "open") return true;
    if (now < this.openUntil) {
      this.refused++;
      return false;
    }
    this.set("half-open");
    return true;
  }

  success(): void {
    this.consecutiveFailures = 0;
    this.set("closed");
  }

  /** Records a failure; true if it opened the circuit (the caller should not retry). */
  failure(now: number): boolean {
    this.consecutiveFailures++;
    if (this.current === "half-open" || this.consecutiveFailures >= this.spec.threshold) {
      this.set("open");
      this.openUntil = now + this.spec.cooldownMs;
      return true;
    }
    return false;
  }

  private set(state: BreakerState): void {
    if (state === this.current) return;
    this.current = state;
    this.onChange?.(state);
  }
}
