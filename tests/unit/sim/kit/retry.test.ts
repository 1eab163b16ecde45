import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CircuitBreaker, exponentialBackoff, fullJitterBackoff, noBackoff, RetryBudget, type BreakerState } from "@/lib/sim/kit";
import { Rng } from "@/lib/sim/rng";

describe("backoff", () => {
  it("doubles from the base up to the cap, and full jitter stays between 0 and that ceiling", () => {
    const rng = new Rng(1);
    const plain = exponentialBackoff(100, 1600);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => plain(n, rng))).toEqual([100, 200, 400, 800, 1600, 1600, 1600]);
    const jitter = fullJitterBackoff(100, 1600);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer(), (failed, seed) => {
        const delay = jitter(failed, new Rng(seed));
        return delay >= 0 && delay < plain(failed, rng);
      }),
    );
    const before = rng.state();
    expect(noBackoff(3, rng)).toBe(0);
    expect(plain(3, rng)).toBe(400);
    expect(rng.state()).toEqual(before); // neither draws a number
  });
});

describe("RetryBudget", () => {
  it("never allows more retries than perRequest × requests + capacity, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 300 }), fc.constantFrom(0.1, 0.2, 0.5), (ops, perRequest) => {
        const budget = new RetryBudget({ perRequest, capacity: 1 });
        let requests = 0;
        let retries = 0;
        for (const isRequest of ops) {
          if (isRequest) {
            requests++;
            budget.earn();
          } else if (budget.spend()) retries++;
          expect(budget.tokens).toBeLessThanOrEqual(1);
          expect(budget.tokens).toBeGreaterThanOrEqual(0);
        }
        return retries <= perRequest * requests + 1 + 1e-9;
      }),
    );
  });
});

describe("CircuitBreaker", () => {
  it("opens after the threshold of consecutive failures, refuses until the cooldown, probes once, and closes on success", () => {
    const changes: BreakerState[] = [];
    const breaker = new CircuitBreaker({ threshold: 3, cooldownMs: 1000 }, (s) => changes.push(s));
    expect(breaker.failure(0)).toBe(false);
    breaker.success(); // resets the count
    expect([breaker.failure(10), breaker.failure(20), breaker.failure(30)]).toEqual([false, false, true]);
    expect(breaker.state).toBe("open");
    expect(breaker.allow(500)).toBe(false);
    expect(breaker.allow(1029)).toBe(false);
    expect(breaker.rejections).toBe(2);
    expect(breaker.allow(1030)).toBe(true);
    expect(breaker.state).toBe("half-open");
    expect(breaker.failure(1100)).toBe(true); // a failed probe opens it again at once
    expect(breaker.allow(2099)).toBe(false);
    expect(breaker.allow(2100)).toBe(true);
    breaker.success();
    expect(breaker.state).toBe("closed");
    expect(changes).toEqual(["open", "half-open", "open", "half-open", "closed"]);
  });
});
