import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Zipf } from "@/lib/sim/kit/zipf";
import { Rng } from "@/lib/sim/rng";

describe("Zipf", () => {
  it("shares are 1/k^s normalised: with exponent 1 over 1,000 items the hottest takes 1/H(1000) ≈ 13.4% and the second half as much", () => {
    const zipf = new Zipf(1000, 1);
    let harmonic = 0;
    for (let k = 1; k <= 1000; k++) harmonic += 1 / k;
    expect(zipf.share(0)).toBeCloseTo(1 / harmonic, 10);
    expect(zipf.share(1)).toBeCloseTo(zipf.share(0) / 2, 10);
    expect(zipf.share(9)).toBeCloseTo(zipf.share(0) / 10, 10);
    expect(zipf.share(-1)).toBe(0);
    expect(zipf.share(1000)).toBe(0);
  });

  it("exponent 0 is uniform", () => {
    const zipf = new Zipf(8, 0);
    for (let k = 0; k < 8; k++) expect(zipf.share(k)).toBeCloseTo(1 / 8, 12);
  });

  it("sampled frequencies match the shares (200,000 draws, within 0.5 points for the top ranks)", () => {
    const zipf = new Zipf(1000, 1.05);
    const rng = new Rng(7);
    const counts = new Array<number>(1000).fill(0);
    const draws = 200_000;
    for (let i = 0; i < draws; i++) counts[zipf.sample(rng)]!++;
    for (const k of [0, 1, 2, 9, 99]) expect(Math.abs((counts[k] ?? 0) / draws - zipf.share(k))).toBeLessThan(0.005);
    expect(counts[0]! / draws).toBeGreaterThan(0.15);
  });

  it("every sample is a rank in 0..n-1 and takes exactly one draw from the generator", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 3, noNaN: true }), fc.integer(), (n, exponent, seed) => {
        const zipf = new Zipf(n, exponent);
        const a = new Rng(seed);
        const b = new Rng(seed);
        for (let i = 0; i < 20; i++) {
          const rank = zipf.sample(a);
          expect(Number.isInteger(rank) && rank >= 0 && rank < n).toBe(true);
          b.float();
        }
        expect(a.float()).toBe(b.float());
      }),
      { numRuns: 200 },
    );
  });

  it("rejects impossible shapes", () => {
    expect(() => new Zipf(0, 1)).toThrow(RangeError);
    expect(() => new Zipf(10, -0.5)).toThrow(RangeError);
    expect(() => new Zipf(2.5, 1)).toThrow(RangeError);
  });
});
