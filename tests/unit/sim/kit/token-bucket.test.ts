import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TokenBucket, TokenBuckets } from "@/lib/sim/kit/token-bucket";

describe("TokenBucket", () => {
  it("admits a full burst at once, then one request per refill interval", () => {
    const bucket = new TokenBucket(10, 3);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(50)).toBe(false); // half a token
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(100)).toBe(false);
    expect(bucket.take(10_000)).toBe(true); // refilled, but never above the burst
    expect(bucket.available).toBe(2);
  });

  it("never admits more than burst + rate × span in any span, and admits everything below the rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 300 }),
        (rate, burst, raw) => {
          const times = [...raw].sort((a, b) => a - b);
          const bucket = new TokenBucket(rate, burst);
          const admitted = times.filter((t) => bucket.take(t));
          for (let i = 0; i < admitted.length; i++) {
            for (let j = i; j < admitted.length; j++) {
              const span = admitted[j]! - admitted[i]!;
              expect(j - i + 1).toBeLessThanOrEqual(burst + (rate * span) / 1000 + 1e-9);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
    const slow = new TokenBucket(10, 1);
    for (let t = 0; t < 10_000; t += 100) expect(slow.take(t)).toBe(true);
  });

  it("keeps one bucket per key, so one busy client does not use up another's", () => {
    const buckets = new TokenBuckets(1, 2);
    expect([buckets.take("a", 0), buckets.take("a", 0), buckets.take("a", 0)]).toEqual([true, true, false]);
    expect(buckets.take("b", 0)).toBe(true);
    expect(() => new TokenBucket(0, 1)).toThrow(RangeError);
import { TokenBucket } from "@/lib/sim/kit/token-bucket";
import { busiestSpan } from "@/lib/sim/kit/window-limiters";
const arrivalsArb = fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 400 }).map((ts) => ts.sort((a, b) => a - b));
  it("admits at most burst + rate × T over any span of T, and at most burst at one instant", () => {
    fc.assert(fc.property(arrivalsArb, fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 2000 }), (times, rate, burst, span) => {
      const bucket = new TokenBucket(rate, burst);
      const admitted = times.filter((t) => bucket.admit(t));
      expect(busiestSpan(admitted, span)).toBeLessThanOrEqual(burst + Math.ceil((rate * span) / 1000));
      expect(busiestSpan(admitted, 1e-9)).toBeLessThanOrEqual(burst);
    }));
  it("starts full, refills at its rate, never above its burst, and says how long until the next token", () => {
    const bucket = new TokenBucket(10, 3); // a token every 100 ms
    expect([0, 0, 0, 0].map((t) => bucket.admit(t))).toEqual([true, true, true, false]);
    expect(bucket.waitMs(0)).toBe(100);
    expect(bucket.admit(100)).toBe(true);
    expect(bucket.admit(150)).toBe(false);
    expect(bucket.waitMs(150)).toBeCloseTo(50, 9);
    // A long quiet spell refills it only to the burst.
    expect([10_000, 10_000, 10_000, 10_000].map((t) => bucket.admit(t))).toEqual([true, true, true, false]);
  it("admits the long-run rate under steady overload", () => {
    const bucket = new TokenBucket(100, 20);
    let admitted = 0;
    for (let t = 0; t < 10_000; t += 2) if (bucket.admit(t)) admitted++; // 500 a second offered
    expect(admitted).toBeGreaterThanOrEqual(1000);
    expect(admitted).toBeLessThanOrEqual(1000 + 20 + 1);
  it("charges expensive requests several tokens", () => {
    const bucket = new TokenBucket(1, 5);
    expect(bucket.admit(0, 4)).toBe(true);
    expect(bucket.admit(0, 2)).toBe(false);
    expect(bucket.admit(0, 1)).toBe(true);
  it("rejects nonsense settings", () => {
    expect(() => new TokenBucket(0, 5)).toThrow(/rate/);
    expect(() => new TokenBucket(5, 0)).toThrow(/burst/);
  });
});
