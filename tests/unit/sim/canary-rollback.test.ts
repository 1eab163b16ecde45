import { describe, expect, it } from "vitest";
import { runScenario } from "@/lib/sim/runner";
import { canaryRollback } from "@/lib/sim/scenarios/canary-rollback";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const BIG_BANG = { strategy: "big-bang", badVersion: true } as const;
const ROLLING = { strategy: "rolling", badVersion: true } as const;
const CANARY = { strategy: "canary", badVersion: true } as const;

describe("canary-rollback: 8 instances, 200 req/s; v2 at 10 s fails every request of a kind that is 10% of traffic", () => {
  it("a canary with automatic rollback fails fewer than 10% of the requests big bang fails, and rolling fewer than big bang, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const bigBang = metricsOf(canaryRollback, BIG_BANG, seed).failedByV2;
      const rolling = metricsOf(canaryRollback, ROLLING, seed).failedByV2;
      const canary = metricsOf(canaryRollback, CANARY, seed).failedByV2;
      return { ok: canary < 0.1 * bigBang && rolling < bigBang && canary > 0, detail: `failed by v2: big bang ${bigBang}, rolling ${rolling}, canary ${canary}` };
    });
    expect(failures).toEqual([]);
  });

  it("the canary analysis detects the bad version and v2 is gone within the analysis window (at least the 4 s a canary of one needs for 100 requests) plus 1 s, for windows of 3, 5 and 8 s and every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const runs = [3, 5, 8].map((windowS) => ({ windowS, m: metricsOf(canaryRollback, { ...CANARY, windowS }, seed) }));
      const late = runs.filter(({ windowS, m }) => m.rolledBack !== 1 || m.detectMs === null || m.detectMs > Math.max(windowS, 4) * 1000 + 1000 || m.v2GoneMs === null || m.v2GoneMs > Math.max(windowS, 4) * 1000 + 1000 || m.instancesOnV2 !== 0);
      return { ok: late.length === 0, detail: late.map(({ windowS, m }) => `window ${windowS} s: detected after ${m.detectMs} ms, v2 gone after ${m.v2GoneMs} ms`).join("; ") };
    });
    expect(failures).toEqual([]);
  });

  it("without a canary, the fleet alert and the on-call engineer take over 20 s to remove v2, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const gone = [BIG_BANG, ROLLING].map((p) => metricsOf(canaryRollback, p, seed).v2GoneMs);
      return { ok: gone.every((ms) => ms !== null && ms > 20_000), detail: `v2 gone after ${gone.join(" and ")} ms` };
    });
    expect(failures).toEqual([]);
  });

  it("with a good v2 the canary never rolls back: it is promoted and all 8 instances end on v2, and no strategy raises the alert, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const canary = metricsOf(canaryRollback, { ...CANARY, badVersion: false }, seed);
      const others = [BIG_BANG, ROLLING].map((p) => metricsOf(canaryRollback, { ...p, badVersion: false }, seed));
      const ok = canary.promoted === 1 && canary.rolledBack === 0 && canary.instancesOnV2 === 8 && others.every((m) => m.detectMs === null && m.instancesOnV2 === 8);
      return { ok, detail: `canary promoted ${canary.promoted}, rolled back ${canary.rolledBack}, on v2 ${canary.instancesOnV2}; others detected ${others.map((m) => m.detectMs).join(", ")}` };
    });
    expect(failures).toEqual([]);
  });

  it("a canary of four instances exposes more users than a canary of one: more requests failed in total over seeds 1..50", () => {
    let one = 0;
    let four = 0;
    for (let seed = 1; seed <= 50; seed++) {
      one += metricsOf(canaryRollback, CANARY, seed).failedByV2;
      four += metricsOf(canaryRollback, { ...CANARY, canarySize: 4 }, seed).failedByV2;
    }
    expect(four).toBeGreaterThan(one);
  });

  it("the presets go from big bang to the canary with automatic rollback", () => {
    expect(canaryRollback.presets.map((p) => p.params)).toEqual([BIG_BANG, ROLLING, CANARY]);
  });

  it("is deterministic: the same seed gives the same event log and result, another seed another", () => {
    const a = runScenario(canaryRollback, CANARY, 3, { recordLog: true });
    const b = runScenario(canaryRollback, CANARY, 3, { recordLog: true });
    const c = runScenario(canaryRollback, CANARY, 4, { recordLog: true });
    expect(a.eventLogHash).not.toBeNull();
    expect(b.eventLogHash).toBe(a.eventLogHash);
    expect(b.metrics).toEqual(a.metrics);
    expect(c.eventLogHash).not.toBe(a.eventLogHash);
  });
});
