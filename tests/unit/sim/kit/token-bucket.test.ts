import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TokenBucket, TokenBuckets } from "@/lib/sim/kit/token-bucket";
import { busiestSpan } from "@/lib/sim/kit/window-limiters";

const arrivalsArb = fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 400 }).map((ts) => ts.sort((a, b) => a - b));

describe("TokenBucket", () => {
  it("admits at most burst + rate × T over any span of T, and at most burst at one instant", () => {
    fc.assert(fc.property(arrivalsArb, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 2000 }), (times, rate, burst, span) => {
      const bucket = new TokenBucket(rate, burst);
      const admitted = times.filter((t) => bucket.admit(t));
      expect(busiestSpan(admitted, span)).toBeLessThanOrEqual(burst + Math.ceil((rate * span) / 1000));
      expect(busiestSpan(admitted, 1e-9)).toBeLessThanOrEqual(burst);
    }));
  });

  it("starts full, refills at its rate, never above its burst, and says how long until the next token", () => {
    const bucket = new TokenBucket(10, 3); // a token every 100 ms
    expect([0, 0, 0, 0].map((t) => bucket.admit(t))).toEqual([true, true, true, false]);
    expect(bucket.waitMs(0)).toBe(100);
    expect(bucket.admit(100)).toBe(true);
    expect(bucket.admit(150)).toBe(false);
    expect(bucket.waitMs(150)).toBeCloseTo(50, 9);
    // A long quiet spell refills it only to the burst.
    expect([10_000, 10_000, 10_000, 10_000].map((t) => bucket.admit(t))).toEqual([true, true, true, false]);
  });

  it("admits the long-run rate under steady overload", () => {
    const bucket = new TokenBucket(100, 20);
    let admitted = 0;
    for (let t = 0; t < 10_000; t += 2) if (bucket.admit(t)) admitted++; // 500 a second offered
    expect(admitted).toBeGreaterThanOrEqual(1000);
    expect(admitted).toBeLessThanOrEqual(1000 + 20 + 1);
  });

  it("charges expensive requests several tokens", () => {
    const bucket = new TokenBucket(1, 5);
    expect(bucket.admit(0, 4)).toBe(true);
    expect(bucket.admit(0, 2)).toBe(false);
    expect(bucket.admit(0, 1)).toBe(true);
  });

  it("rejects nonsense settings", () => {
    expect(() => new TokenBucket(0, 5)).toThrow(/rate/);
    expect(() => new TokenBucket(5, 0)).toThrow(/burst/);
  });

  it("keeps one bucket per key, so one busy client does not use up another's", () => {
    const buckets = new TokenBuckets(1, 2);
    expect([buckets.admit("a", 0), buckets.admit("a", 0), buckets.admit("a", 0)]).toEqual([true, true, false]);
    expect(buckets.admit("b", 0)).toBe(true);
    expect(buckets.admit("a", 1000)).toBe(true);
  });
});
