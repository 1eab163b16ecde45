import { nearestRankPercentile } from "./histogram";

/**
 * Time series bucketed over virtual time, for charts.
 *
 * Bucket i covers [i · bucketMs, (i + 1) · bucketMs). A point is reported as
 * [bucket start, value], and only for buckets that have ended by the time asked about,
 * so a chart never shows a half-filled last bucket as a dip. Records must arrive in
 * non-decreasing time, which the engine guarantees.
 */
export type SeriesPoint = [t: number, value: number];

export interface Series {
  readonly bucketMs: number;
  /** Points for every bucket that ended at or before untilMs. */
  points(untilMs: number): SeriesPoint[];
}

function bucketIndex(t: number, bucketMs: number): number {
  return Math.floor(t / bucketMs);
}

function completedBuckets(untilMs: number, bucketMs: number): number {
  return Math.floor(untilMs / bucketMs);
}

function assertBucket(bucketMs: number): void {
  if (!(bucketMs > 0) || !Number.isFinite(bucketMs)) throw new RangeError(`bucketMs must be > 0, got ${bucketMs}`);
}

/** Counts events per bucket and reports them per second (requests/s, errors/s). */
export class RateSeries implements Series {
  private readonly counts: number[] = [];

  constructor(readonly bucketMs: number) {
    assertBucket(bucketMs);
  }

  add(t: number, amount = 1): void {
    const i = bucketIndex(t, this.bucketMs);
    while (this.counts.length <= i) this.counts.push(0);
    this.counts[i] = (this.counts[i] ?? 0) + amount;
  }

  /** The raw count in the bucket containing t. */
  countAt(t: number): number {
    return this.counts[bucketIndex(t, this.bucketMs)] ?? 0;
  }

  points(untilMs: number): SeriesPoint[] {
    const n = completedBuckets(untilMs, this.bucketMs);
    const perSecond = 1000 / this.bucketMs;
    const out: SeriesPoint[] = [];
    for (let i = 0; i < n; i++) out.push([i * this.bucketMs, (this.counts[i] ?? 0) * perSecond]);
    return out;
  }
}

/**
 * A level that changes at instants (queue depth, busy workers). Each bucket reports the
 * highest level held during it, including the level carried in from before, so a short
 * spike is never lost between samples.
 */
export class GaugeSeries implements Series {
  private readonly maxima: number[] = [];
  private current: number;

  constructor(
    readonly bucketMs: number,
    initial = 0,
  ) {
    assertBucket(bucketMs);
    this.current = initial;
  }

  get value(): number {
    return this.current;
  }

  set(t: number, level: number): void {
    const i = bucketIndex(t, this.bucketMs);
    this.fillTo(i);
    this.maxima[i] = Math.max(this.maxima[i] ?? this.current, level);
    this.current = level;
  }

  points(untilMs: number): SeriesPoint[] {
    const n = completedBuckets(untilMs, this.bucketMs);
    const out: SeriesPoint[] = [];
    for (let i = 0; i < n; i++) out.push([i * this.bucketMs, this.maxima[i] ?? this.current]);
    return out;
  }

  private fillTo(index: number): void {
    while (this.maxima.length < index) this.maxima.push(this.current);
    if (this.maxima.length === index) this.maxima.push(this.current);
  }
}

/** The mean of the observations in each bucket (latency over time); empty buckets are skipped. */
export class MeanSeries implements Series {
  private readonly sums: number[] = [];
  private readonly counts: number[] = [];

  constructor(readonly bucketMs: number) {
    assertBucket(bucketMs);
  }

  observe(t: number, value: number): void {
    const i = bucketIndex(t, this.bucketMs);
    while (this.counts.length <= i) {
      this.counts.push(0);
      this.sums.push(0);
    }
    this.counts[i] = (this.counts[i] ?? 0) + 1;
    this.sums[i] = (this.sums[i] ?? 0) + value;
  }

  points(untilMs: number): SeriesPoint[] {
    const n = Math.min(completedBuckets(untilMs, this.bucketMs), this.counts.length);
    const out: SeriesPoint[] = [];
    for (let i = 0; i < n; i++) {
      const count = this.counts[i] ?? 0;
      if (count > 0) out.push([i * this.bucketMs, (this.sums[i] ?? 0) / count]);
    }
    return out;
  }
}

/**
 * Percentiles of the observations in each bucket (p50 and p99 of latency per second).
 * Keeps the samples of every bucket; empty buckets are skipped. Uses the same
 * nearest-rank definition as Histogram.
 */
export class PercentileSeries {
  private readonly buckets: number[][] = [];

  constructor(readonly bucketMs: number) {
    assertBucket(bucketMs);
  }

  observe(t: number, value: number): void {
    const i = bucketIndex(t, this.bucketMs);
    while (this.buckets.length <= i) this.buckets.push([]);
    this.buckets[i]?.push(value);
  }

  /** The p-th percentile of each completed, non-empty bucket. */
  points(untilMs: number, p: number): SeriesPoint[] {
    const n = Math.min(completedBuckets(untilMs, this.bucketMs), this.buckets.length);
    const out: SeriesPoint[] = [];
    for (let i = 0; i < n; i++) {
      const samples = this.buckets[i] ?? [];
      const value = nearestRankPercentile(Float64Array.from(samples).sort(), p);
      if (value !== null) out.push([i * this.bucketMs, value]);
    }
    return out;
  }
}
