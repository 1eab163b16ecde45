import { describe, expect, it } from "vitest";
import { isScenarioId, loadScenario, SCENARIO_IDS, scenarios } from "@/lib/sim";
import { checkSeed, createRun, sweepSeeds } from "@/lib/sim/runner";
import { defineScenario } from "@/lib/sim/scenario";
import { MAX_EVENTS_SHOWN } from "@/lib/sim/snapshot";
import { lostUpdate } from "../../fixtures/lost-update-scenario";

describe("the catalogue of lazily loaded scenarios", () => {
  it("lists exactly the registry's scenarios, and each loads to the same object", async () => {
    expect([...SCENARIO_IDS].sort()).toEqual(Object.keys(scenarios).sort());
    for (const id of SCENARIO_IDS) expect(await loadScenario(id)).toBe(scenarios[id]);
    expect(isScenarioId("retry-storm")).toBe(true);
    expect(isScenarioId("toString")).toBe(false);
  });
});

describe("snapshots: tables and notable events", () => {
  it("carry a scenario's tables and its latest events, oldest first, with the total count", () => {
    const run = createRun(lostUpdate, { clients: 4 }, 1);
    expect(run.snapshot().events).toEqual([]);
    const table = run.snapshot().tables[0]!;
    expect(table.columns).toEqual(["acknowledged", "still to do"]);
    expect(table.rows.map((r) => r.label)).toEqual(["c1", "c2", "c3", "c4"]);
    run.runToEnd();
    const end = run.snapshot();
    expect(end.eventCount).toBeGreaterThan(0);
    expect(end.events!.length).toBe(Math.min(end.eventCount, MAX_EVENTS_SHOWN));
    expect(end.events!.every((e) => e.tone === "bad" && e.text.includes("lost"))).toBe(true);
    expect(end.tables[0]!.rows.every((r) => r.cells[1]!.tone === "good")).toBe(true);
    expect(JSON.parse(JSON.stringify(end))).toEqual(end);
  });

  it("say null, not an empty list, when a scenario keeps no events", () => {
    const snapshot = createRun(scenarios["retry-storm"], {}, 1).snapshot();
    expect(snapshot.events).toBeNull();
    expect(snapshot.tables).toEqual([]);
  });

  it("show at most MAX_EVENTS_SHOWN events, the latest", () => {
    const chatty = defineScenario({
      ...lostUpdate,
      id: "chatty",
      build: (p, seed, options) => {
        const instance = lostUpdate.build(p, seed, options);
        const many = Array.from({ length: 120 }, (_, i) => ({ t: i, text: `event ${i}`, tone: "info" as const }));
        return { ...instance, events: () => many };
      },
    });
    const snapshot = createRun(chatty, {}, 1).snapshot();
    expect(snapshot.eventCount).toBe(120);
    expect(snapshot.events!.map((e) => e.text)).toEqual(Array.from({ length: MAX_EVENTS_SHOWN }, (_, i) => `event ${70 + i}`));
  });
});

describe("seed sweep", () => {
  it("checks seeds 1..check.seeds with the given parameters: some seeds fail the naive setting, none the fixed one", () => {
    const naive = sweepSeeds(lostUpdate, {});
    expect(naive.map((v) => v.seed)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const failing = naive.filter((v) => !v.passed);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.length).toBeLessThan(20);
    for (const v of failing) expect(v.summary).toMatch(/[1-9]\d* lost/);
    expect(sweepSeeds(lostUpdate, { compareAndSet: true }).every((v) => v.passed)).toBe(true);
    // A verdict is a full run's: the same as running that seed by hand.
    const one = failing[0]!;
    expect(createRun(lostUpdate, {}, one.seed).runToEnd().metrics.lost).toBeGreaterThan(0);
    expect(checkSeed(lostUpdate, {}, one.seed)).toEqual(one);
  });

  it("passes every seed of a scenario without a check, and refuses a check with a silly number of seeds", () => {
    expect(checkSeed(scenarios["replica-lag"], {}, 5).passed).toBe(true);
    expect(sweepSeeds(scenarios["replica-lag"], {})).toEqual([]);
    expect(() => defineScenario({ ...lostUpdate, id: "bad", check: { ...lostUpdate.check!, seeds: 1000 } })).toThrow(/check.seeds/);
  });
});
