import { describe, expect, it } from "vitest";
import { instanceFailover } from "@/lib/sim/scenarios/instance-failover";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const PROBE_TIMEOUT_MS = 500;

describe("instance-failover: one of three instances dies at 5 s", () => {
  it("the failing window grows with the client cache TTL (1 s < 5 s < 10 s), for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const [short, medium, long] = [1000, 5000, 10_000].map((ttlMs) => metricsOf(instanceFailover, { ttlMs }, seed).failingWindowMs);
      return { ok: (short ?? 0) < (medium ?? 0) && (medium ?? 0) < (long ?? 0), detail: `${short} < ${medium} < ${long} ms` };
    });
    expect(failures).toEqual([]);
  });

  it("the failing window lies between (threshold − 1) × interval and interval × threshold + TTL + the probe timeout, for every seed in 1..50", () => {
    const settings = [
      { healthIntervalMs: 2000, failureThreshold: 3, ttlMs: 5000 },
      { healthIntervalMs: 500, failureThreshold: 2, ttlMs: 1000 },
    ];
    const failures = seedsWhereClaimFails((seed) => {
      const problems: string[] = [];
      for (const s of settings) {
        const m = metricsOf(instanceFailover, s, seed);
        const low = (s.failureThreshold - 1) * s.healthIntervalMs;
        const high = s.healthIntervalMs * s.failureThreshold + s.ttlMs + PROBE_TIMEOUT_MS;
        if (!(m.failingWindowMs >= low && m.failingWindowMs <= high && m.failedRequests > 0)) {
          problems.push(`${JSON.stringify(s)}: window ${m.failingWindowMs} not in [${low}, ${high}]`);
        }
      }
      return { ok: problems.length === 0, detail: problems.join("; ") };
    });
    expect(failures).toEqual([]);
  });

  it("faster health checks and a shorter TTL shrink the failing window and the failed requests, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const slow = metricsOf(instanceFailover, { healthIntervalMs: 2000, failureThreshold: 3, ttlMs: 5000 }, seed);
      const fast = metricsOf(instanceFailover, { healthIntervalMs: 500, failureThreshold: 2, ttlMs: 1000 }, seed);
      return {
        ok: fast.failingWindowMs < slow.failingWindowMs / 2 && fast.failedRequests < slow.failedRequests / 2,
        detail: `window ${slow.failingWindowMs} → ${fast.failingWindowMs} ms, failed ${slow.failedRequests} → ${fast.failedRequests}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("client failover makes failed requests zero, paying with one timeout of latency in the tail, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const plain = metricsOf(instanceFailover, { failover: false }, seed);
      const failover = metricsOf(instanceFailover, { failover: true }, seed);
      return {
        ok: plain.failedRequests > 0 && failover.failedRequests === 0 && failover.retriesOnOtherInstance > 0 && (failover.requestP99Ms ?? 0) > 300,
        detail: `failed ${plain.failedRequests} → ${failover.failedRequests}, retries ${failover.retriesOnOtherInstance}, p99 ${failover.requestP99Ms}`,
      };
    });
    expect(failures).toEqual([]);
  });
});
