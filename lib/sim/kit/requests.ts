import type { Histogram } from "../histogram";
import type { Metrics } from "../metrics";
import { PercentileSeries, type RateSeries } from "../time-series";
import type { VirtualClock } from "./port";

/** How a request ended. `timed-out`: its last attempt was never answered in time. */
export type RequestEnd = "ok" | "failed" | "timed-out";

export interface RequestLedgerOptions {
  /** Bucket of the rate and latency series, in ms of virtual time. */
  readonly bucketMs: number;
  /** Prefix of the metric names, when a system keeps two ledgers ("requests", "work"). */
  readonly name?: string;
}

/**
 * The book of a system's requests. A request is started once and then ends at most once, as
 * ok, failed or timed out; until then it is in flight, so at every instant
 *
 *   started === ok + failed + timedOut + inFlight.
 *
 * Ending a request that has already ended changes nothing and returns false (redelivered
 * work finished twice counts once; a late answer after a timeout is not a success).
 *
 * Latency is measured from start to a successful end. The ledger also keeps what almost
 * every demo charts: successes and failures per second, latency percentiles per bucket,
 * and the window over which failing requests were issued. Attempts and late replies are
 * counted here too, by whoever sends them (see Client).
 */
export class RequestLedger {
  readonly latency: Histogram;
  /** Latency of ok requests, per bucket of end time (for p50/p99 charts). */
  readonly latencyOverTime: PercentileSeries;
  /** Requests that ended ok, per second: goodput. */
  readonly okRate: RateSeries;
  /** Requests that failed or timed out, per second. */
  readonly failureRate: RateSeries;

  private readonly startedAt: number[] = [];
  private readonly ended: boolean[] = [];
  private okCount = 0;
  private failedCount = 0;
  private timedOutCount = 0;
  private attemptCount = 0;
  private retryCount = 0;
  private lateCount = 0;
  private firstFailedStart: number | null = null;
  private lastFailedStart: number | null = null;

  constructor(
    private readonly clock: VirtualClock & { readonly metrics: Metrics },
    options: RequestLedgerOptions,
  ) {
    const name = options.name ?? "requests";
    this.latency = clock.metrics.histogram(`${name}: latency`);
    this.latencyOverTime = new PercentileSeries(options.bucketMs);
    this.okRate = clock.metrics.rate(`${name}: ok`, options.bucketMs);
    this.failureRate = clock.metrics.rate(`${name}: failed`, options.bucketMs);
  }

  /** Starts a request now; returns its id (0, 1, 2... in start order). */
  start(): number {
    this.startedAt.push(this.clock.now);
    this.ended.push(false);
    return this.startedAt.length - 1;
  }

  /** Ends a request successfully; false if it had already ended (or never started). */
  succeed(id: number): boolean {
    if (!this.end(id)) return false;
    const now = this.clock.now;
    const latency = now - (this.startedAt[id] ?? now);
    this.okCount++;
    this.latency.add(latency);
    this.latencyOverTime.observe(now, latency);
    this.okRate.add(now);
    return true;
  }

  /** Ends a request as failed or timed out; false if it had already ended. */
  fail(id: number, how: Exclude<RequestEnd, "ok"> = "failed"): boolean {
    if (!this.end(id)) return false;
    if (how === "timed-out") this.timedOutCount++;
    else this.failedCount++;
    this.failureRate.add(this.clock.now);
    const issued = this.startedAt[id] ?? this.clock.now;
    this.firstFailedStart = Math.min(this.firstFailedStart ?? issued, issued);
    this.lastFailedStart = Math.max(this.lastFailedStart ?? issued, issued);
    return true;
  }

  /** Records that attempt number `n` (1 for the first try) of some request was sent. */
  attempt(n: number): void {
    this.attemptCount++;
    if (n > 1) this.retryCount++;
  }

  /** Records an answer that came after its attempt had been given up: work wasted. */
  lateReply(): void {
    this.lateCount++;
  }

  isInFlight(id: number): boolean {
    return this.ended[id] === false;
  }

  startedAtOf(id: number): number | null {
    return this.startedAt[id] ?? null;
  }

  get started(): number {
    return this.startedAt.length;
  }
  get ok(): number {
    return this.okCount;
  }
  get failed(): number {
    return this.failedCount;
  }
  get timedOut(): number {
    return this.timedOutCount;
  }
  /** Failed or timed out. */
  get failures(): number {
    return this.failedCount + this.timedOutCount;
  }
  /** Failures as a percentage of requests started (0 before any). */
  failurePercent(): number {
    return this.started === 0 ? 0 : (100 * this.failures) / this.started;
  }
  get inFlight(): number {
    return this.started - this.okCount - this.failures;
  }
  get attempts(): number {
    return this.attemptCount;
  }
  /** Attempts beyond the first of each request. */
  get retries(): number {
    return this.retryCount;
  }
  get lateReplies(): number {
    return this.lateCount;
  }

  /**
   * From the start of the first request that failed to the start of the last one: how long
   * the system was failing its users, by when they asked. 0 with fewer than two failures.
   */
  failingWindowMs(): number {
    return this.firstFailedStart === null || this.lastFailedStart === null ? 0 : this.lastFailedStart - this.firstFailedStart;
  }

  /** When the last request that failed was started, or null if none has failed. */
  get lastFailureStartedAt(): number | null {
    return this.lastFailedStart;
  }

  private end(id: number): boolean {
    if (this.ended[id] !== false) return false;
    this.ended[id] = true;
    return true;
  }
}
