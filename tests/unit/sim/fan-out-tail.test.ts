import { describe, expect, it } from "vitest";
import { fanOutTail } from "@/lib/sim/scenarios/fan-out-tail";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const FAN_50 = { backends: 50, requests: 200 };

describe("fan-out-tail: waiting for the slowest of N backends", () => {
  it("sends about 1 − 0.99^N of requests into some backend's slow tail (N = 10, within 4 points), for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(fanOutTail, { backends: 10, requests: 600 }, seed);
      return {
        ok: Math.abs(m.slowRequestPercent - m.expectedSlowPercent) <= 4 && Math.abs(m.expectedSlowPercent - 9.56) < 0.01,
        detail: `measured ${m.slowRequestPercent}%, expected ${m.expectedSlowPercent}%`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("puts the end-to-end p99 of a 50-way fan-out in the slow tail (over 100 ms) though one backend's p95 is under 20 ms, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(fanOutTail, FAN_50, seed);
      return {
        ok: (m.e2eP99Ms ?? 0) > 100 && (m.backendP95Ms ?? Infinity) < 20 && m.slowRequestPercent > 25,
        detail: `e2e p99 ${m.e2eP99Ms}, backend p95 ${m.backendP95Ms}, slow ${m.slowRequestPercent}%`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("hedging lowers the end-to-end p99 at N = 50, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const plain = metricsOf(fanOutTail, FAN_50, seed);
      const hedged = metricsOf(fanOutTail, { ...FAN_50, hedging: true }, seed);
      return {
        ok: (hedged.e2eP99Ms ?? Infinity) < (plain.e2eP99Ms ?? 0),
        detail: `p99 ${plain.e2eP99Ms} ms unhedged, ${hedged.e2eP99Ms} ms hedged`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("hedging after 15 ms cuts the share of requests slower than 50 ms below 2% for under 8% extra backend calls at N = 50, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const hedged = metricsOf(fanOutTail, { ...FAN_50, hedging: true }, seed);
      return {
        ok: hedged.slowRequestPercent < 2 && hedged.hedgeLoadPercent > 0 && hedged.hedgeLoadPercent < 8,
        detail: `slow ${hedged.slowRequestPercent}%, extra load ${hedged.hedgeLoadPercent}%`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("hedging too early buys the same tail with far more load (hedge delay 1 ms sends over 90% extra calls)", () => {
    const eager = metricsOf(fanOutTail, { ...FAN_50, hedging: true, hedgeDelayMs: 1 }, 1);
    expect(eager.hedgeLoadPercent).toBeGreaterThan(90);
  });

  it("completes every request it starts", () => {
    const m = metricsOf(fanOutTail, FAN_50, 3);
    expect(m.requests).toBe(200);
    expect(m.completed).toBe(200);
  });
});
