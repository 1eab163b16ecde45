import { describe, expect, it } from "vitest";
import { createRun, runScenario } from "@/lib/sim/runner";
import { contractTests } from "@/lib/sim/scenarios/contract-tests";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const NAIVE = { contracts: false };
const FIXED = { contracts: true };

/** The change × consumer table of a run: the text of each cell, row by row. */
function verdicts(params: Record<string, boolean | number>, seed: number): { label: string; cells: string[] }[] {
  const run = createRun(contractTests, params, seed);
  run.runToEnd();
  return run.snapshot().tables[0]!.rows.map((row) => ({ label: row.label, cells: row.cells.map((cell) => cell.text) }));
}

describe("contract-tests: a provider's API change and three consumer teams", () => {
  it("with contracts in the provider's pipeline no request fails in production and at least one breaking change is caught, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(contractTests, FIXED, seed);
      return {
        ok: m.failedInProduction === 0 && m.caughtInCi >= 1 && m.caughtInCi === m.breakingChanges && m.brokeProduction === 0 && m.hoursToRestore === 0,
        detail: `failed ${m.failedInProduction}, caught ${m.caughtInCi} of ${m.breakingChanges}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("without contract tests every breaking change reaches production and fails requests until its rollback, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(contractTests, NAIVE, seed);
      return {
        // At about 10 requests an hour per team, a 3 h outage of one team fails well over 10 requests.
        ok: m.brokeProduction >= 1 && m.brokeProduction === m.breakingChanges && m.failedInProduction > 10 * m.brokeProduction && m.hoursToRestore === 3 * m.brokeProduction && m.caughtInCi === 0,
        detail: `broke ${m.brokeProduction}, failed ${m.failedInProduction}, restore ${m.hoursToRestore} h`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("additive changes and removals of unread fields pass every contract, with or without contract tests, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const rows = [...verdicts(NAIVE, seed), ...verdicts(FIXED, seed)];
      const safe = rows.filter((row) => !/→/.test(row.label));
      const m = metricsOf(contractTests, NAIVE, seed);
      return {
        ok: safe.every((row) => row.cells.every((cell) => cell === "compatible")) && m.safeChangesRefused === 0 && safe.length >= 2,
        detail: safe.map((row) => `${row.label}: ${row.cells.join("/")}`).join("; "),
      };
    });
    expect(failures).toEqual([]);
  });

  it("a longer time to detect and roll back fails more requests; both presets face the same changes", () => {
    const quick = metricsOf(contractTests, { contracts: false, restoreHours: 1 }, 1);
    const slow = metricsOf(contractTests, { contracts: false, restoreHours: 12 }, 1);
    expect(slow.failedInProduction).toBeGreaterThan(4 * quick.failedInProduction);
    expect(verdicts(NAIVE, 1).map((row) => row.label)).toEqual(verdicts(FIXED, 1).map((row) => row.label));
  });

  it("with a breaking share of 0 the rename of customer is the only breaking change, and Billing the only consumer it breaks", () => {
    const rows = verdicts({ contracts: false, breakingShare: 0 }, 1);
    const breaking = rows.filter((row) => row.cells.some((cell) => cell !== "compatible"));
    expect(breaking).toEqual([{ label: "2: customer → customerName", cells: ["compatible", "broke production", "compatible"] }]);
  });

  it("ships every rename as expand then contract: the old name is gone once its readers moved, in both presets", () => {
    for (const params of [NAIVE, FIXED]) {
      const run = createRun(contractTests, params, 1);
      run.runToEnd();
      const events = (run.snapshot().events ?? []).map((e) => e.text);
      expect(events.some((text) => text.startsWith("expand: customerName deployed beside customer"))).toBe(true);
      expect(events.some((text) => text.startsWith("contract: customer removed"))).toBe(true);
    }
  });

  it("is deterministic: the same seed and parameters give the same event log hash and result", () => {
    const a = runScenario(contractTests, NAIVE, 5, { recordLog: true });
    const b = runScenario(contractTests, NAIVE, 5, { recordLog: true });
    expect(a.eventLogHash).toBe(b.eventLogHash);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(runScenario(contractTests, NAIVE, 6, { recordLog: true }).eventLogHash).not.toBe(a.eventLogHash);
  });

  it("has the naive preset first and the fixed one last", () => {
    expect(contractTests.presets.map((p) => [p.id, p.params.contracts])).toEqual([["naive", false], ["fixed", true]]);
  });
});
