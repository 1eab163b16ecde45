import { describe, expect, it } from "vitest";
import { runScenario } from "@/lib/sim/runner";
import { queueingAndMeasurement as scenario } from "@/lib/sim/scenarios/queueing-and-measurement";
import { metricsOf, SEEDS, seedsWhereClaimFails } from "./seeds";

const S = 10; // ms, the service time of one request alone
const at = (loadPercent: number, more: Record<string, number | string> = {}) => ({ loadPercent, batchSize: 1, generator: "open", stallS: 0, ...more });
const closedStall = { loadPercent: 50, batchSize: 1, generator: "closed", stallS: 1 };
const openStall = { loadPercent: 50, batchSize: 1, generator: "open", stallS: 1 };

describe("queueing-and-measurement: one server, S = 10 ms, a 60 s run", () => {
  it("the mean time in the server follows S/(1 − ρ): within 15% at ρ = 0.5 for every seed in 1..50; at ρ = 0.8 within 50% for every seed and within 5% averaged over the seeds", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const half = metricsOf(scenario, at(50), seed).timeInServerMs ?? Infinity;
      const eighty = metricsOf(scenario, at(80), seed).timeInServerMs ?? Infinity;
      return {
        ok: Math.abs(half - S / 0.5) <= 0.15 * (S / 0.5) && Math.abs(eighty - S / 0.2) <= 0.5 * (S / 0.2),
        detail: `W at 50%: ${half.toFixed(1)} ms (model 20), at 80%: ${eighty.toFixed(1)} ms (model 50)`,
      };
    });
    expect(failures).toEqual([]);
    const meanAt80 = SEEDS.reduce((sum, seed) => sum + (metricsOf(scenario, at(80), seed).timeInServerMs ?? 0), 0) / SEEDS.length;
    expect(Math.abs(meanAt80 - 50)).toBeLessThanOrEqual(2.5);
  });

  it("Little's law: the time-average number in the server is within 2% of λ × W, unbatched, batched and across a stall, for every seed in 1..50", () => {
    const settings = [at(50), at(90), at(90, { batchSize: 16 }), openStall, closedStall];
    const failures = seedsWhereClaimFails((seed) => {
      const off = settings
        .map((p) => metricsOf(scenario, p, seed))
        .map((m) => Math.abs(m.inServerMean - (m.littleLambdaW ?? -1)) / m.inServerMean);
      return { ok: off.every((x) => x <= 0.02), detail: `|L − λW| / L: ${off.map((x) => x.toFixed(3)).join(", ")}` };
    });
    expect(failures).toEqual([]);
  });

  it("p99 at 90% load is more than twice p99 at 50% for every seed in 1..50, and more than four times on average", () => {
    const ratios: number[] = [];
    const failures = seedsWhereClaimFails((seed) => {
      const half = metricsOf(scenario, at(50), seed).latencyP99Ms ?? Infinity;
      const ninety = metricsOf(scenario, at(90), seed).latencyP99Ms ?? 0;
      ratios.push(ninety / half);
      return { ok: ninety > 2 * half, detail: `p99 at 50%: ${half} ms, at 90%: ${ninety} ms` };
    });
    expect(failures).toEqual([]);
    expect(ratios.reduce((a, b) => a + b, 0) / ratios.length).toBeGreaterThan(4);
  });

  it("batching 16 at a time cuts the time in the server at 90% by more than half, and serves 120% of one-at-a-time capacity with a bounded queue, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const plain = metricsOf(scenario, at(90), seed);
      const batched = metricsOf(scenario, at(90, { batchSize: 16 }), seed);
      const overPlain = metricsOf(scenario, at(120), seed);
      const overBatched = metricsOf(scenario, at(120, { batchSize: 16 }), seed);
      return {
        ok:
          (batched.timeInServerMs ?? Infinity) < 0.5 * (plain.timeInServerMs ?? 0) &&
          overBatched.mostInServer < 100 &&
          (overBatched.timeInServerMs ?? Infinity) < 50 &&
          overPlain.mostInServer > 500,
        detail: `W at 90%: ${plain.timeInServerMs?.toFixed(1)} → ${batched.timeInServerMs?.toFixed(1)} ms; most in server at 120%: ${overPlain.mostInServer} unbatched, ${overBatched.mostInServer} batched`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("at 20% load batching costs latency: every lone request waits for company, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const plain = metricsOf(scenario, at(20), seed).timeInServerMs ?? Infinity;
      const batched = metricsOf(scenario, at(20, { batchSize: 16 }), seed).timeInServerMs ?? 0;
      return { ok: batched > plain + 1, detail: `W at 20%: ${plain.toFixed(1)} ms unbatched, ${batched.toFixed(1)} ms batched` };
    });
    expect(failures).toEqual([]);
  });

  it("coordinated omission: during a 1 s stall the closed-loop generator sends at most one request per user, the open-loop one keeps sending, and its p99 is over 4× the closed loop's, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const closed = metricsOf(scenario, closedStall, seed);
      const open = metricsOf(scenario, openStall, seed);
      return {
        ok: closed.sentDuringStall <= 10 && open.sentDuringStall >= 30 && (open.latencyP99Ms ?? 0) > 4 * (closed.latencyP99Ms ?? Infinity),
        detail: `sent during the stall: closed ${closed.sentDuringStall}, open ${open.sentDuringStall}; p99 closed ${closed.latencyP99Ms} ms, open ${open.latencyP99Ms} ms`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("a closed-loop generator sends less than its target rate, because each user waits for its answers", () => {
    for (const seed of [1, 2, 3]) {
      const closed = metricsOf(scenario, closedStall, seed);
      expect(closed.arrivalRatePerSecond).toBeLessThan(0.97 * closed.targetRatePerSecond);
    }
  });

  it("is deterministic: the same seed gives the same result, another seed a different one", () => {
    for (const params of [{}, closedStall, at(90, { batchSize: 16 })]) {
      const a = runScenario(scenario, params, 7);
      const b = runScenario(scenario, params, 7);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      expect(runScenario(scenario, params, 8).metrics).not.toEqual(a.metrics);
    }
  });

  it("its presets go from a busy server to an honest measurement: busy (mean ≥ 5 S), headroom (≤ 3.5 S), batching (under half of busy), then a stall the closed loop hides and the open loop shows", () => {
    const byId = Object.fromEntries(scenario.presets.map((p) => [p.id, metricsOf(scenario, p.params, 1)]));
    expect(scenario.presets.map((p) => p.id)).toEqual(["busy", "headroom", "batching", "closed-stall", "open-stall"]);
    expect(metricsOf(scenario, {}, 1)).toEqual(byId.busy); // the defaults are the naive preset
    expect(byId.busy?.timeInServerMs).toBeGreaterThan(5 * S);
    expect(byId.headroom?.timeInServerMs).toBeLessThan(3.5 * S);
    expect(byId.batching?.timeInServerMs).toBeLessThan(0.5 * (byId.busy?.timeInServerMs ?? 0));
    expect(byId["closed-stall"]?.latencyP99Ms).toBeLessThan((byId["open-stall"]?.latencyP99Ms ?? 0) / 4);
  });
});
