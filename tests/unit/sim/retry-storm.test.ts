import { describe, expect, it } from "vitest";
import { retryStorm } from "@/lib/sim/scenarios/retry-storm";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const CLIENTS = 50;

describe("retry-storm: the server stalls from 5 s to 10 s", () => {
  it("with full jitter the peak retry load after the stall is lower than with plain exponential backoff, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const plain = metricsOf(retryStorm, { policy: "exponential" }, seed);
      const jitter = metricsOf(retryStorm, { policy: "full-jitter" }, seed);
      return {
        ok: jitter.peakRetryLoadAfterOutagePerSecond < plain.peakRetryLoadAfterOutagePerSecond,
        detail: `peak retries/s: plain ${plain.peakRetryLoadAfterOutagePerSecond}, jitter ${jitter.peakRetryLoadAfterOutagePerSecond}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("immediate retries leave goodput unrecovered 10 s after the stall while backoff (plain or jittered) recovers within 4 s and wastes a fifth of the work, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const none = metricsOf(retryStorm, { policy: "none" }, seed);
      const plain = metricsOf(retryStorm, { policy: "exponential" }, seed);
      const jitter = metricsOf(retryStorm, { policy: "full-jitter" }, seed);
      return {
        ok:
          none.recoveryMs === null &&
          plain.recoveryMs !== null &&
          plain.recoveryMs <= 4000 &&
          jitter.recoveryMs !== null &&
          jitter.recoveryMs <= 4000 &&
          none.lateResponses > 5 * Math.max(1, jitter.lateResponses),
        detail: `recovery none ${none.recoveryMs}, plain ${plain.recoveryMs}, jitter ${jitter.recoveryMs}; wasted answers none ${none.lateResponses}, jitter ${jitter.lateResponses}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("a retry budget caps retries at 10% of requests plus one token per client, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const budget = metricsOf(retryStorm, { policy: "none", retryBudget: true }, seed);
      const none = metricsOf(retryStorm, { policy: "none" }, seed);
      return {
        ok: budget.retries <= 0.1 * budget.requests + CLIENTS && none.retries > 0.5 * none.requests,
        detail: `budget: ${budget.retries} retries for ${budget.requests} requests; without: ${none.retries} for ${none.requests}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("a circuit breaker cuts the attempts sent during the stall by over 70%, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const without = metricsOf(retryStorm, { policy: "none" }, seed);
      const breaker = metricsOf(retryStorm, { policy: "none", circuitBreaker: true }, seed);
      return {
        ok: breaker.attemptsDuringOutage < 0.3 * without.attemptsDuringOutage && breaker.breakerRejections > 0,
        detail: `attempts during the stall: ${without.attemptsDuringOutage} without, ${breaker.attemptsDuringOutage} with the breaker`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("without a stall nothing is retried and the load stays near its normal level", () => {
    const calm = metricsOf(retryStorm, { policy: "none", outageLengthS: 0 }, 1);
    expect(calm.retries).toBe(0);
    expect(calm.failed).toBe(0);
    expect(calm.normalLoadPerSecond).toBeGreaterThan(250);
    expect(calm.normalLoadPerSecond).toBeLessThan(350);
  });
});
