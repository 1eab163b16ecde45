/**
 * A histogram that keeps every sample, so its percentiles are exact rather than estimated
 * from buckets. Simulations here record at most a few hundred thousand samples, which is
 * cheap to keep and to sort.
 *
 * Percentiles use the nearest-rank definition: for n samples sorted ascending and
 * 0 < p <= 100, the p-th percentile is the sample at 1-based rank ceil(p/100 · n). It is
 * always one of the recorded values (no interpolation), p100 is the maximum and p50 of an
 * even count is the lower middle value. p = 0 is taken to mean the minimum.
 */
export function nearestRankPercentile(sortedAscending: ArrayLike<number>, p: number): number | null {
  const n = sortedAscending.length;
  if (n === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be in [0, 100], got ${p}`);
  // (p · n) / 100 is exact for integer p; the small epsilon keeps fractional p such as
  // 99.9 from being pushed up a rank by binary rounding ((99.9 · 41000) / 100 = 40959.00000000001).
  const rank = Math.max(1, Math.ceil((p * n) / 100 - 1e-9));
  return sortedAscending[Math.min(rank, n) - 1] ?? null;
}

export class Histogram {
  private readonly values: number[] = [];
  private sorted: Float64Array | null = null;
  private total = 0;

  add(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`histogram sample must be finite, got ${value}`);
    this.values.push(value);
    this.total += value;
    this.sorted = null;
  }

  get count(): number {
    return this.values.length;
  }

  /** The samples in the order they were recorded. */
  samples(): readonly number[] {
    return this.values;
  }

  /** Exact nearest-rank percentile (see the file comment); null when empty. */
  percentile(p: number): number | null {
    return nearestRankPercentile(this.sortedSamples(), p);
  }

  mean(): number | null {
    return this.values.length === 0 ? null : this.total / this.values.length;
  }

  min(): number | null {
    return this.percentile(0);
  }

  max(): number | null {
    return this.percentile(100);
  }

  /** Fraction of samples strictly greater than the threshold (0 when empty). */
  fractionAbove(threshold: number): number {
    if (this.values.length === 0) return 0;
    let above = 0;
    for (const v of this.values) if (v > threshold) above++;
    return above / this.values.length;
  }

  private sortedSamples(): Float64Array {
    if (this.sorted === null) {
      // A typed array sorts numerically (not as strings) and faster than Array#sort.
      this.sorted = Float64Array.from(this.values).sort();
    }
    return this.sorted;
  }
}
