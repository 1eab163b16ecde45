import { describe, expect, it } from "vitest";
import { createRun } from "@/lib/sim/runner";
import { traceSampling, type TraceSamplingMetrics } from "@/lib/sim/scenarios/trace-sampling";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

function metrics(params: Record<string, number | string>, seed: number): TraceSamplingMetrics {
  return metricsOf(traceSampling, params, seed) as TraceSamplingMetrics;
}

describe("trace-sampling: five services in a row, a fraud check slow for 2% of calls", () => {
  it("the mean stays within 1.25× of the run without the slow calls while the p99 is at least 5× it, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const fast = metrics({ slowPercent: 0 }, seed);
      const slow = metrics({}, seed);
      const meanRatio = (slow.meanMs ?? 0) / (fast.meanMs ?? 1);
      const p99Ratio = (slow.p99Ms ?? 0) / (fast.p99Ms ?? 1);
      return { ok: meanRatio <= 1.25 && p99Ratio >= 5, detail: `mean ×${meanRatio.toFixed(2)}, p99 ×${p99Ratio.toFixed(1)}` };
    });
    expect(failures).toEqual([]);
  });

  it("with the context dropped every finished checkout is two traces, and with it propagated none is, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const dropped = metrics({ dropsContext: "orders" }, seed);
      const kept = metrics({ dropsContext: "none" }, seed);
      return {
        ok: dropped.completed > 1800 && dropped.completedWithTwoTraces === dropped.completed && kept.completedWithTwoTraces === 0 && kept.splitTracesProduced === 0,
        detail: `dropped: ${dropped.completedWithTwoTraces} of ${dropped.completed}; propagated: ${kept.completedWithTwoTraces}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("a split checkout is never traced end to end, whatever the sampler, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metrics({ dropsContext: "payments", sampler: "tail" }, seed);
      return { ok: m.slowRequests > 0 && m.slowRequestsTracedWhole === 0 && m.slowTracesKept === m.slowTracesProduced, detail: JSON.stringify(m) };
    });
    expect(failures).toEqual([]);
  });

  it("head sampling at 1% keeps at most 8% of the slow traces for every seed in 1..50, and about 1% of them over all 50", () => {
    let kept = 0;
    let produced = 0;
    const failures = seedsWhereClaimFails((seed) => {
      const m = metrics({ sampler: "head-1" }, seed);
      kept += m.slowTracesKept;
      produced += m.slowTracesProduced;
      return { ok: m.slowTracesProduced > 20 && m.slowTracesKept <= 0.08 * m.slowTracesProduced, detail: `${m.slowTracesKept} of ${m.slowTracesProduced}` };
    });
    expect(failures).toEqual([]);
    expect(kept / produced).toBeLessThan(0.025);
  });

  it("tail sampling keeps every slow trace and stores fewer traces than head sampling at 10%, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const tail = metrics({ sampler: "tail" }, seed);
      const head10 = metrics({ sampler: "head-10" }, seed);
      return {
        ok: tail.slowTracesKept === tail.slowTracesProduced && tail.slowRequestsTracedWhole === tail.slowRequests && tail.tracesStored < head10.tracesStored / 2,
        detail: `slow kept ${tail.slowTracesKept}/${tail.slowTracesProduced}; stored tail ${tail.tracesStored}, head 10% ${head10.tracesStored}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("the sampler and the dropped header change what is stored, never the latencies", () => {
    const base = metrics({}, 3);
    for (const params of [{ sampler: "tail" }, { sampler: "head-10" }, { dropsContext: "inventory" }] as Record<string, string>[]) {
      const m = metrics(params, 3);
      expect([m.meanMs, m.p99Ms, m.slowRequests, m.completed]).toEqual([base.meanMs, base.p99Ms, base.slowRequests, base.completed]);
    }
  });

  it("the same seed gives the same event log and result; the presets go from naive to tail sampling", () => {
    const a = createRun(traceSampling, {}, 9, { recordLog: true }).runToEnd();
    const b = createRun(traceSampling, {}, 9, { recordLog: true }).runToEnd();
    expect(a.eventLogHash).not.toBeNull();
    expect(a.eventLogHash).toBe(b.eventLogHash);
    expect(a.metrics).toEqual(b.metrics);
    expect(traceSampling.presets.map((p) => [p.params.dropsContext, p.params.sampler])).toEqual([
      ["orders", "head-1"],
      ["none", "head-1"],
      ["none", "tail"],
    ]);
  });
});
