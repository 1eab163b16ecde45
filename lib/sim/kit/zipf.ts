import type { Rng } from "../rng";

/**
 * Zipf popularity over `n` items ranked 1..n: item k is asked for in proportion to
 * 1 / k^exponent, so a few items take most requests (a hot key, a celebrity, the front
 * page). Exponent 0 is uniform; about 1 is typical of web caches.
 *
 * `sample(rng)` returns a rank (0-based: 0 is the hottest) with exactly one draw from the
 * generator, whatever the rank (the determinism rules: changing the exponent never shifts
 * later draws). It inverts the cumulative distribution by binary search: O(log n) per
 * sample after O(n) set-up.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    readonly exponent: number,
  ) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be an integer >= 1, got ${n}`);
    if (!Number.isFinite(exponent) || exponent < 0) throw new RangeError(`exponent must be >= 0, got ${exponent}`);
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) {
      sum += 1 / Math.pow(k + 1, exponent);
      this.cumulative[k] = sum;
    }
    for (let k = 0; k < n; k++) this.cumulative[k] = (this.cumulative[k] ?? 0) / sum;
    this.cumulative[n - 1] = 1;
  }

  /** The probability of the item at 0-based rank k (0 outside 0..n-1). */
  share(k: number): number {
    if (!Number.isInteger(k) || k < 0 || k >= this.n) return 0;
    return (this.cumulative[k] ?? 0) - (k === 0 ? 0 : (this.cumulative[k - 1] ?? 0));
  }

  /** A 0-based rank, drawn with one call to rng.float(). */
  sample(rng: Rng): number {
    const u = rng.float();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] ?? 1) > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
