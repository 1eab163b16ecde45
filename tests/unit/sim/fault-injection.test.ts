import { describe, expect, it } from "vitest";
import { createRun, sweepSeeds } from "@/lib/sim/runner";
import { hashEventLog } from "@/lib/sim/event-log";
import { faultInjection, type FaultInjectionMetrics } from "@/lib/sim/scenarios/fault-injection";
import { metricsOf, seedsWhereClaimFails, SEEDS } from "./seeds";

const NAIVE = { majority: false };
const FIX = { majority: true };
const FIRST_30 = SEEDS.slice(0, 30);

function metrics(params: Record<string, number | boolean>, seed: number): FaultInjectionMetrics {
  return metricsOf(faultInjection, params, seed) as FaultInjectionMetrics;
}

describe("fault-injection: a replicated list under seeded faults, judged by a history checker", () => {
  it("acknowledging from the leader fails some seeds of 1..30 and passes most (between 2 and 15 fail)", () => {
    const failing = FIRST_30.filter((seed) => metrics(NAIVE, seed).violations > 0);
    expect(failing.length).toBeGreaterThanOrEqual(2);
    expect(failing.length).toBeLessThanOrEqual(15);
  });

  it("the frame's seed sweep agrees with the claims: with the bug some seeds fail, with the fix all 30 pass", () => {
    const naive = sweepSeeds(faultInjection, NAIVE);
    const fixed = sweepSeeds(faultInjection, FIX);
    expect(naive.filter((v) => !v.passed).map((v) => v.seed)).toEqual(
      FIRST_30.filter((seed) => metrics(NAIVE, seed).violations > 0),
    );
    expect(fixed.every((v) => v.passed)).toBe(true);
    expect(fixed).toHaveLength(30);
  });

  it("every failing seed lost an acknowledged write, after a fault hit the leader (a crash or a partition), for seeds 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metrics(NAIVE, seed);
      if (m.violations === 0) return { ok: true, detail: "" };
      const leaderFaultFirst = m.firstLeaderFaultAt !== null && m.firstViolationAt !== null && m.firstLeaderFaultAt < m.firstViolationAt;
      return {
        ok: m.lostWrites > 0 && leaderFaultFirst,
        detail: `${m.violations} violations, ${m.lostWrites} lost, leader fault at ${m.firstLeaderFaultAt}, first violation at ${m.firstViolationAt}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("waiting for a majority passes every seed in 1..50, at the default load and at 5 faults and 30 operations a second", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const normal = metrics(FIX, seed);
      const harsh = metrics({ ...FIX, faults: 5, opsPerSecond: 30 }, seed);
      return {
        ok: normal.violations === 0 && harsh.violations === 0 && normal.checked > 150 && harsh.checked > 300,
        detail: `violations ${normal.violations} and ${harsh.violations}, checked ${normal.checked} and ${harsh.checked}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("without faults every seed in 1..50 passes, even with the bug: example runs never reach it", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metrics({ ...NAIVE, faults: 0 }, seed);
      return { ok: m.violations === 0 && m.elections === 0 && m.checked > 150, detail: `${m.violations} violations, ${m.elections} elections` };
    });
    expect(failures).toEqual([]);
  });

  it("the fix costs latency: the append p50 is at least 20 ms higher when waiting for a majority, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const naive = metrics(NAIVE, seed).appendP50Ms ?? 0;
      const fixed = metrics(FIX, seed).appendP50Ms ?? 0;
      return { ok: naive < 15 && fixed > naive + 20, detail: `append p50 ${naive} → ${fixed} ms` };
    });
    expect(failures).toEqual([]);
  });

  it("the same seed and parameters give the same event log and result; the fault plan does not depend on the fix", () => {
    const once = createRun(faultInjection, NAIVE, 5, { recordLog: true });
    const twice = createRun(faultInjection, NAIVE, 5, { recordLog: true });
    const a = once.runToEnd();
    const b = twice.runToEnd();
    expect(once.eventLog().length).toBeGreaterThan(1000);
    expect(a.eventLogHash).toBe(b.eventLogHash);
    expect(hashEventLog(once.eventLog())).toBe(a.eventLogHash);
    expect(a.metrics).toEqual(b.metrics);
    const fixed = createRun(faultInjection, FIX, 5);
    fixed.runToEnd();
    expect(fixed.snapshot().markers).toEqual(once.snapshot().markers);
  });

  it("the presets go from the bug to the fix", () => {
    expect(faultInjection.presets.map((p) => p.params.majority)).toEqual([false, true]);
  });
});
