import type { SeriesPoint } from "../time-series";

/**
 * Statistics over a chart series (a series' `points(now)`), for the numbers outage demos
 * report: the normal level before, the peak after, when it was back. Points are
 * [bucket start, value]; a window [fromMs, toMs) takes the buckets that start in it.
 */

/** The mean value of the buckets starting in [fromMs, toMs); 0 when there are none. */
export function meanIn(points: readonly SeriesPoint[], fromMs: number, toMs = Number.POSITIVE_INFINITY): number {
  let sum = 0;
  let count = 0;
  for (const [t, v] of points) {
    if (t >= fromMs && t < toMs) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/** The highest value of the buckets starting in [fromMs, toMs); 0 when there are none. */
export function peakIn(points: readonly SeriesPoint[], fromMs: number, toMs = Number.POSITIVE_INFINITY): number {
  let peak = 0;
  for (const [t, v] of points) if (t >= fromMs && t < toMs) peak = Math.max(peak, v);
  return peak;
}

/**
 * The start of the first run of `buckets` consecutive buckets, starting at or after fromMs,
 * whose mean is at least `level`: when a rate was back to normal and stayed there for a
 * while. null if it never was.
 */
export function sustainedFrom(points: readonly SeriesPoint[], fromMs: number, buckets: number, level: number): number | null {
  for (let i = 0; i + buckets <= points.length; i++) {
    const start = points[i]?.[0] ?? 0;
    if (start < fromMs) continue;
    let sum = 0;
    for (let j = i; j < i + buckets; j++) sum += points[j]?.[1] ?? 0;
    if (sum / buckets >= level) return start;
  }
  return null;
}
