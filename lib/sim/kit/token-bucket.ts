/**
 * A token bucket: a rate limit that allows bursts. The bucket holds at most `burst` tokens
 * and refills at `ratePerSecond`; each admitted request takes one token, and a request that
 * finds the bucket empty is refused. Over any span of T ms it admits at most
 * burst + ratePerSecond · T / 1000 requests. Pure arithmetic on the times it is given (virtual
 * time, never the wall clock); draws nothing.
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;
 * A token bucket: holds up to `burst` tokens, refills at `ratePerSecond`, and admits a
 * request if a token is there to take. It refills lazily from the time it is asked, so it is
 * a pure function of the arrival times it sees: over any span of T seconds it admits at most
 * burst + ratePerSecond × T. It starts full. Times are in ms and must not go backwards.
  private last: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    startMs = 0,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError(`TokenBucket(${ratePerSecond}, ${burst}) needs a positive rate and a burst of at least 1`);
    this.tokens = burst;
    this.lastMs = startMs;
  }

  /** Takes a token at `nowMs` if there is one; false means the request is refused. */
  take(nowMs: number): boolean {
    if (nowMs > this.lastMs) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) * this.ratePerSecond) / 1000);
      this.lastMs = nowMs;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Tokens available now (a fraction while refilling). */
  get available(): number {
    return this.tokens;
  }
}

/** One token bucket per key (a client, an API key), each created full on first use. */
export class TokenBuckets {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
  ) {}

  take(key: string, nowMs: number): boolean {
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.ratePerSecond, this.burst, nowMs);
      this.buckets.set(key, bucket);
    }
    return bucket.take(nowMs);
    if (!(ratePerSecond > 0)) throw new RangeError(`ratePerSecond must be > 0, got ${ratePerSecond}`);
    if (!(burst >= 1)) throw new RangeError(`burst must be >= 1, got ${burst}`);
    this.last = startMs;
  /** Takes `cost` tokens at time `nowMs` if there are enough; false (and nothing taken) if not. */
  admit(nowMs: number, cost = 1): boolean {
    this.refill(nowMs);
    if (this.tokens < cost) return false;
    this.tokens -= cost;
  /** Ms from `nowMs` until `cost` tokens will be there (0 if they are now): a Retry-After. */
  waitMs(nowMs: number, cost = 1): number {
    return this.tokens >= cost ? 0 : ((cost - this.tokens) * 1000) / this.ratePerSecond;
  private refill(nowMs: number): void {
    if (nowMs > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.last) * this.ratePerSecond) / 1000);
      this.last = nowMs;
  }
}
