import { describe, expect, it } from "vitest";
import { createRun, runScenario } from "@/lib/sim/runner";
import { hashEventLog } from "@/lib/sim/event-log";
import { clockSkewLww } from "@/lib/sim/scenarios/clock-skew-lww";
import { metricsOf, SEEDS, seedsWhereClaimFails } from "./seeds";

const WALL = { timestamps: "wall" };
const HLC = { timestamps: "hlc" };
const VECTORS = { timestamps: "vectors" };

describe("clock-skew-lww: three replicas, skew up to ±50 ms, drift up to 200 ppm, NTP steps replica 1 by −200 ms at 10 s", () => {
  it("wall-clock last writer wins loses at least one causally later write, at skew 10 and 50 ms, for every seed in 1..50", () => {
    for (const maxSkewMs of [10, 50]) {
      const failures = seedsWhereClaimFails((seed) => {
        const m = metricsOf(clockSkewLww, { ...WALL, maxSkewMs }, seed);
        return { ok: m.causallyLaterLost >= 1 && m.writesLost >= m.causallyLaterLost, detail: `skew ${maxSkewMs}: ${m.causallyLaterLost} causally later lost of ${m.writesLost}` };
      });
      expect(failures).toEqual([]);
    }
  });

  it("hybrid logical clocks lose no causally later write, at skew 10 and 50 ms, with or without the NTP step, for every seed in 1..50", () => {
    const variants: Record<string, number>[] = [{ maxSkewMs: 10 }, { maxSkewMs: 50 }, { ntpStepMs: 0 }, { ntpStepMs: -500 }];
    for (const params of variants) {
      const failures = seedsWhereClaimFails((seed) => {
        const m = metricsOf(clockSkewLww, { ...HLC, ...params }, seed);
        return { ok: m.causallyLaterLost === 0, detail: `${JSON.stringify(params)}: ${m.causallyLaterLost} causally later lost` };
      });
      expect(failures).toEqual([]);
    }
  }, 30_000);

  it("version vectors lose no write at all, and keep every write hybrid clocks lost to a concurrent one as a sibling instead, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const hlc = metricsOf(clockSkewLww, HLC, seed);
      const vectors = metricsOf(clockSkewLww, VECTORS, seed);
      return {
        ok: vectors.writesLost === 0 && vectors.keptAsSiblings >= hlc.writesLost,
        detail: `vectors lost ${vectors.writesLost}, siblings ${vectors.keptAsSiblings}; hlc lost ${hlc.writesLost}`,
      };
    });
    expect(failures).toEqual([]);
    const siblings = SEEDS.map((seed) => metricsOf(clockSkewLww, VECTORS, seed).keptAsSiblings);
    expect(siblings.filter((n) => n > 0).length).toBeGreaterThan(25);
  });

  it("the wall-clock duration across the NTP step is negative; the monotonic one never is, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const stepped = metricsOf(clockSkewLww, WALL, seed);
      const unstepped = metricsOf(clockSkewLww, { ...WALL, ntpStepMs: 0 }, seed);
      return {
        ok: stepped.negativeWallDurations >= 1 && stepped.negativeMonotonicDurations === 0 && unstepped.negativeWallDurations === 0,
        detail: `stepped: ${stepped.negativeWallDurations} wall, ${stepped.negativeMonotonicDurations} monotonic; unstepped ${unstepped.negativeWallDurations}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("with perfect clocks and no step, wall-clock last writer wins loses no causally later write", () => {
    for (const seed of [1, 2, 3]) {
      const m = metricsOf(clockSkewLww, { ...WALL, maxSkewMs: 0, driftPpm: 0, ntpStepMs: 0 }, seed);
      expect(m.causallyLaterLost).toBe(0);
      expect(m.largestDisagreementMs).toBe(0);
    }
  });

  it("is deterministic: the same seed gives the same event log and metrics, another seed a different log", () => {
    const runs = [1, 1, 2].map((seed) => createRun(clockSkewLww, VECTORS, seed, { recordLog: true }));
    const results = runs.map((r) => r.runToEnd());
    const hashes = runs.map((r) => hashEventLog(r.eventLog()));
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[0]).not.toBe(hashes[2]);
    expect(results[0]?.metrics).toEqual(results[1]?.metrics);
  });

  it("has the naive preset first and the fix last, and each preset changes the outcome", () => {
    expect(clockSkewLww.presets.map((p) => p.id)).toEqual(["naive", "hlc", "fixed"]);
    const summaries = clockSkewLww.presets.map((p) => runScenario(clockSkewLww, p.params, 1).summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });
});
