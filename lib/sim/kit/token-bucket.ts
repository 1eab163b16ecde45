/**
 * A token bucket: holds up to `burst` tokens, refills at `ratePerSecond`, and admits a
 * request if a token is there to take. It refills lazily from the time it is asked, so it is
 * a pure function of the arrival times it sees: over any span of T seconds it admits at most
 * burst + ratePerSecond × T. It starts full. Times are in ms and must not go backwards.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    startMs = 0,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be > 0, got ${ratePerSecond}`);
    if (!(burst >= 1)) throw new RangeError(`burst must be >= 1, got ${burst}`);
    this.tokens = burst;
    this.last = startMs;
  }

  /** Takes `cost` tokens at time `nowMs` if there are enough; false (and nothing taken) if not. */
  admit(nowMs: number, cost = 1): boolean {
    this.refill(nowMs);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Ms from `nowMs` until `cost` tokens will be there (0 if they are now): a Retry-After. */
  waitMs(nowMs: number, cost = 1): number {
    this.refill(nowMs);
    return this.tokens >= cost ? 0 : ((cost - this.tokens) * 1000) / this.ratePerSecond;
  }

  private refill(nowMs: number): void {
    if (nowMs > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.last) * this.ratePerSecond) / 1000);
      this.last = nowMs;
    }
  }
}

/** One token bucket per key (a client, an API key), each created full on first use. */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
  ) {}

  admit(key: string, nowMs: number, cost = 1): boolean {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.ratePerSecond, this.burst, nowMs);
      this.buckets.set(key, bucket);
    }
    return bucket.admit(nowMs, cost);
  }
}
