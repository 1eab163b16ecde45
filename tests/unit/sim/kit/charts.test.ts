import { describe, expect, it } from "vitest";
import { chart } from "@/lib/sim/kit";
import { createRun, scenarios } from "@/lib/sim";

describe("chart", () => {
  it("gives every line the chart's title and unit, in the order given", () => {
    const series = chart("Load", "req/s", [
      ["all", "all attempts", [[0, 5]]],
      ["retries", "retries", []],
    ]);
    expect(series).toEqual([
      { id: "all", chart: "Load", label: "all attempts", unit: "req/s", points: [[0, 5]] },
      { id: "retries", chart: "Load", label: "retries", unit: "req/s", points: [] },
    ]);
  });

  it("every scenario's series that share a chart share its unit, and no two series share an id", () => {
    for (const [id, scenario] of Object.entries(scenarios)) {
      for (const preset of [{ params: {} }, ...scenario.presets]) {
        const run = createRun(scenario, preset.params, 1);
        run.advanceTo(run.endTime / 2);
        const units = new Map<string, string>();
        const ids = new Set<string>();
        for (const s of run.snapshot().charts) {
          expect(units.get(s.chart) ?? s.unit, `${id}: ${s.chart}`).toBe(s.unit);
          units.set(s.chart, s.unit);
          expect(ids.has(s.id), `${id}: ${s.id}`).toBe(false);
          ids.add(s.id);
        }
        expect(units.size, id).toBeGreaterThan(0);
      }
    }
  });
});
