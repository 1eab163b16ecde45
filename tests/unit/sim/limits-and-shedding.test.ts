import { describe, expect, it } from "vitest";
import { runScenario } from "@/lib/sim/runner";
import { limitsAndShedding as scenario } from "@/lib/sim/scenarios/limits-and-shedding";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const LIMIT = 100;
const BURST = 20;
const fixedUnbounded = { limiter: "fixed", queue: "unbounded" };
const slidingUnbounded = { limiter: "sliding", queue: "unbounded" };
const tokenBounded = { limiter: "token", queue: "bounded" };
const tokenCriticality = { limiter: "token", queue: "criticality" };

describe("limits-and-shedding: a burst at the window edge at 2 s, a sale at twice capacity from 10 s to 20 s", () => {
  it("the fixed window lets through more than 1.5× the limit in some second, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(scenario, fixedUnbounded, seed);
      return { ok: m.mostAdmittedInOneSecond > 1.5 * LIMIT, detail: `most admitted in 1 s: ${m.mostAdmittedInOneSecond}` };
    });
    expect(failures).toEqual([]);
  });

  it("the sliding window never lets through more than the limit in any second, the token bucket never more than limit + bucket, live and replayed on the same arrivals, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const sliding = metricsOf(scenario, slidingUnbounded, seed);
      const token = metricsOf(scenario, tokenBounded, seed);
      const replayed = metricsOf(scenario, fixedUnbounded, seed);
      return {
        ok:
          sliding.mostAdmittedInOneSecond <= LIMIT &&
          token.mostAdmittedInOneSecond <= LIMIT + BURST &&
          replayed.worstSecondSliding <= LIMIT &&
          replayed.worstSecondToken <= LIMIT + BURST &&
          replayed.worstSecondFixed === replayed.mostAdmittedInOneSecond,
        detail: `live: sliding ${sliding.mostAdmittedInOneSecond}, token ${token.mostAdmittedInOneSecond}; replayed: fixed ${replayed.worstSecondFixed}, sliding ${replayed.worstSecondSliding}, token ${replayed.worstSecondToken}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("with an unbounded queue goodput during the sale stays under 30% of capacity and most checkout calls fail; a bounded queue with 503 keeps it above 90%, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const unbounded = metricsOf(scenario, slidingUnbounded, seed);
      const bounded = metricsOf(scenario, tokenBounded, seed);
      return {
        ok:
          unbounded.goodputDuringOverloadPercent < 30 &&
          unbounded.criticalFailed > 0.5 * unbounded.criticalRequests &&
          bounded.goodputDuringOverloadPercent > 90 &&
          bounded.timedOut === 0,
        detail: `goodput: unbounded ${unbounded.goodputDuringOverloadPercent.toFixed(1)}%, bounded ${bounded.goodputDuringOverloadPercent.toFixed(1)}%; checkout failed (unbounded) ${unbounded.criticalFailed} of ${unbounded.criticalRequests}; timeouts (bounded) ${bounded.timedOut}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("shedding by criticality fails no checkout call and keeps goodput above 90%, while a plain bounded queue fails some, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const shed = metricsOf(scenario, tokenCriticality, seed);
      const bounded = metricsOf(scenario, tokenBounded, seed);
      return {
        ok: shed.criticalFailed === 0 && shed.goodputDuringOverloadPercent > 90 && bounded.criticalFailed > 0,
        detail: `checkout failed: shed ${shed.criticalFailed}, bounded ${bounded.criticalFailed}; goodput with shedding ${shed.goodputDuringOverloadPercent.toFixed(1)}%`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("without a sale (1× capacity) a bounded queue refuses almost nothing", () => {
    const m = metricsOf(scenario, { ...tokenBounded, overload: 1 }, 1);
    expect(m.criticalFailed).toBeLessThan(0.01 * m.criticalRequests);
  });

  it("is deterministic: the same seed gives the same result, another seed a different one", () => {
    for (const params of [{}, tokenCriticality]) {
      const a = runScenario(scenario, params, 5);
      expect(JSON.stringify(runScenario(scenario, params, 5))).toBe(JSON.stringify(a));
      expect(runScenario(scenario, params, 6).metrics).not.toEqual(a.metrics);
    }
  });

  it("its presets go from the fixed window and an unbounded queue to shedding by criticality", () => {
    expect(scenario.presets.map((p) => p.id)).toEqual(["naive", "sliding", "bounded", "criticality"]);
    const byId = Object.fromEntries(scenario.presets.map((p) => [p.id, metricsOf(scenario, p.params, 1)]));
    expect(metricsOf(scenario, {}, 1)).toEqual(byId.naive);
    expect(byId.naive?.mostAdmittedInOneSecond).toBeGreaterThan(1.5 * LIMIT);
    expect(byId.sliding?.mostAdmittedInOneSecond).toBeLessThanOrEqual(LIMIT);
    expect(byId.bounded?.goodputDuringOverloadPercent).toBeGreaterThan(90);
    expect(byId.criticality?.criticalFailed).toBe(0);
  });
});
