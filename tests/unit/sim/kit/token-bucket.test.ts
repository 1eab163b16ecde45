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
  });
});
