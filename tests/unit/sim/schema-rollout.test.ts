import { describe, expect, it } from "vitest";
import { createRun, runScenario } from "@/lib/sim/runner";
import { schemaRollout } from "@/lib/sim/scenarios/schema-rollout";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const ORDERS = ["producers-first", "consumers-first", "together"] as const;

describe("schema-rollout: a schema change during a rolling upgrade", () => {
  it("an additive change (an optional field with a default) rejects and misreads nothing, in every upgrade order, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const runs = ORDERS.map((order) => metricsOf(schemaRollout, { change: "add-optional", order }, seed));
      return {
        ok: runs.every((m) => m.rejected === 0 && m.misread === 0 && m.readOk === m.messages && m.messages > 2000),
        detail: runs.map((m, i) => `${ORDERS[i]}: rejected ${m.rejected}, misread ${m.misread}`).join("; "),
      };
    });
    expect(failures).toEqual([]);
  });

  it("a reused field number misreads at least once and rejects nothing (it fails silently), in every upgrade order, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const runs = ORDERS.map((order) => metricsOf(schemaRollout, { change: "reuse-number", order }, seed));
      return {
        ok: runs.every((m) => m.misread > 100 && m.rejected === 0),
        detail: runs.map((m, i) => `${ORDERS[i]}: rejected ${m.rejected}, misread ${m.misread}`).join("; "),
      };
    });
    expect(failures).toEqual([]);
  });

  it("a rename makes v1 readers miss the field while producers are ahead, and v2 readers miss it while consumers are ahead, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const producersAhead = metricsOf(schemaRollout, { change: "rename", order: "producers-first" }, seed);
      const consumersAhead = metricsOf(schemaRollout, { change: "rename", order: "consumers-first" }, seed);
      return {
        ok:
          producersAhead.v1ReadersRejectingV2 > 500 && producersAhead.v1ReadersRejectingV2 === producersAhead.rejected &&
          consumersAhead.v2ReadersFailingV1 > 500 && consumersAhead.v1ReadersRejectingV2 === 0 && producersAhead.misread + consumersAhead.misread === 0,
        detail: `producers first: v1 readers rejected ${producersAhead.v1ReadersRejectingV2}; consumers first: v2 readers failed ${consumersAhead.v2ReadersFailingV1}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("upgrading readers first removes every failure of a backward-compatible change (removing a required field), which fails when writers go first, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const readersFirst = metricsOf(schemaRollout, { change: "remove-required", order: "consumers-first" }, seed);
      const writersFirst = metricsOf(schemaRollout, { change: "remove-required", order: "producers-first" }, seed);
      return {
        ok: readersFirst.rejected + readersFirst.misread === 0 && writersFirst.rejected > 500,
        detail: `readers first: ${readersFirst.rejected} rejected; writers first: ${writersFirst.rejected} rejected`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("ends with every service on v2 and every message judged once", () => {
    for (const preset of schemaRollout.presets) {
      const m = metricsOf(schemaRollout, preset.params, 2);
      expect([m.producersOnV2, m.consumersOnV2]).toEqual([6, 6]);
      expect(m.readOk + m.rejected + m.misread).toBe(m.messages);
    }
  });

  it("the compatibility matrix states each pair's verdict: a reused number misreads both ways, an optional field reads everywhere", () => {
    const cells = (change: string): string[][] => {
      const run = createRun(schemaRollout, { change }, 1);
      run.runToEnd();
      return run.snapshot().tables[0]!.rows.map((row) => row.cells.map((cell) => cell.text.split(" ")[0]!));
    };
    expect(cells("reuse-number")).toEqual([["ok", "misreads"], ["misreads", "ok"]]);
    expect(cells("remove-required")).toEqual([["ok", "ok"], ["rejects", "ok"]]);
    expect(cells("add-optional")).toEqual([["ok", "ok"], ["ok", "ok"]]);
  });

  it("is deterministic: the same seed and parameters give the same event log hash and result", () => {
    const a = runScenario(schemaRollout, { change: "reuse-number" }, 5, { recordLog: true });
    const b = runScenario(schemaRollout, { change: "reuse-number" }, 5, { recordLog: true });
    expect(a.eventLogHash).toBe(b.eventLogHash);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(runScenario(schemaRollout, { change: "reuse-number" }, 6, { recordLog: true }).eventLogHash).not.toBe(a.eventLogHash);
  });

  it("has the naive preset (a rename) first and the additive change last", () => {
    expect(schemaRollout.presets.map((p) => p.id)).toEqual(["naive", "reuse", "readers-first", "fixed"]);
    expect(schemaRollout.presets[3]!.params.change).toBe("add-optional");
  });
});
