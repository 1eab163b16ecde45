import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Histogram, nearestRankPercentile } from "@/lib/sim/histogram";

/** Nearest rank for p = tenths / 10, in exact integer arithmetic: the smallest k with k/n >= p/100. */
function referencePercentile(samples: readonly number[], tenths: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  let rank = Math.ceil((tenths * n) / 1000);
  // Integer arithmetic check, independent of the division above rounding.
  while (rank > 1 && (rank - 1) * 1000 >= tenths * n) rank--;
  while (rank * 1000 < tenths * n) rank++;
  return sorted[Math.max(1, rank) - 1] ?? null;
}

const finiteSample = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((x) => (x === 0 ? 0 : x));

describe("Histogram percentiles", () => {
  it("equal a nearest-rank computation over a sort of the samples", () => {
    fc.assert(
      fc.property(fc.array(finiteSample, { maxLength: 300 }), fc.integer({ min: 0, max: 1000 }), (samples, tenths) => {
        const h = new Histogram();
        for (const s of samples) h.add(s);
        expect(h.percentile(tenths / 10)).toBe(referencePercentile(samples, tenths));
      }),
    );
  });

  it("are always one of the samples, and p100 is the maximum", () => {
    fc.assert(
      fc.property(fc.array(finiteSample, { minLength: 1, maxLength: 100 }), (samples) => {
        const h = new Histogram();
        for (const s of samples) h.add(s);
        expect(samples).toContain(h.percentile(50));
        expect(h.percentile(100)).toBe(Math.max(...samples));
        expect(h.min()).toBe(Math.min(...samples));
      }),
    );
  });

  it("use the textbook examples of the nearest-rank method", () => {
    const sorted = [15, 20, 35, 40, 50];
    expect(nearestRankPercentile(sorted, 5)).toBe(15);
    expect(nearestRankPercentile(sorted, 30)).toBe(20);
    expect(nearestRankPercentile(sorted, 40)).toBe(20);
    expect(nearestRankPercentile(sorted, 50)).toBe(35);
    expect(nearestRankPercentile(sorted, 100)).toBe(50);
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRankPercentile(hundred, 7)).toBe(7);
    expect(nearestRankPercentile(hundred, 99)).toBe(99);
  });

  it("report nothing for no samples and reject non-finite ones", () => {
    const h = new Histogram();
    expect(h.percentile(99)).toBeNull();
    expect(h.mean()).toBeNull();
    expect(() => h.add(Number.NaN)).toThrow(RangeError);
    expect(() => h.add(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it("stay correct when samples arrive after a percentile was read", () => {
    const h = new Histogram();
    h.add(10);
    expect(h.percentile(50)).toBe(10);
    h.add(1);
    h.add(2);
    expect(h.percentile(50)).toBe(2);
    expect(h.fractionAbove(1.5)).toBeCloseTo(2 / 3);
  });
});
