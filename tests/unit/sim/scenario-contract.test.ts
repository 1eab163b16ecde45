import { describe, expect, it } from "vitest";
import { defaultParams, isScenarioId, parseParams, scenarios, type ScenarioId, type Snapshot } from "@/lib/sim";
import { MAX_MESSAGES_SHOWN } from "@/lib/sim/snapshot";
import { createRun } from "@/lib/sim/runner";
import { lostUpdate } from "../../fixtures/lost-update-scenario";

const ids = Object.keys(scenarios) as ScenarioId[];

/** Everything in a snapshot a renderer relies on. */
function checkSnapshot(s: Snapshot): void {
  expect(JSON.parse(JSON.stringify(s))).toEqual(s); // no NaN, Infinity, undefined or classes
  expect(structuredClone(s)).toEqual(s);
  expect(s.time).toBeGreaterThanOrEqual(0);
  expect(s.time).toBeLessThanOrEqual(s.endTime);
  const nodeIds = new Set(s.nodes.map((n) => n.id));
  expect(nodeIds.size).toBe(s.nodes.length);
  for (const n of s.nodes) {
    expect(n.x).toBeGreaterThanOrEqual(0);
    expect(n.x).toBeLessThanOrEqual(1);
    expect(n.y).toBeGreaterThanOrEqual(0);
    expect(n.y).toBeLessThanOrEqual(1);
    expect(n.label.length).toBeGreaterThan(0);
  }
  for (const l of s.links) expect(nodeIds.has(l.from) && nodeIds.has(l.to)).toBe(true);
  expect(s.messages.length).toBeLessThanOrEqual(MAX_MESSAGES_SHOWN);
  expect(s.messages.length).toBe(Math.min(MAX_MESSAGES_SHOWN, s.messagesInFlight));
  for (const m of s.messages) {
    expect(nodeIds.has(m.from) && nodeIds.has(m.to)).toBe(true);
    expect(m.progress).toBeGreaterThanOrEqual(0);
    expect(m.progress).toBeLessThanOrEqual(1);
  }
  for (const c of s.charts) {
    for (let i = 1; i < c.points.length; i++) expect(c.points[i]?.[0] ?? 0).toBeGreaterThan(c.points[i - 1]?.[0] ?? 0);
    for (const [t] of c.points) expect(t).toBeLessThanOrEqual(s.time);
  }
  expect(s.headline.length).toBeGreaterThan(0);
  expect(s.summary.length).toBeGreaterThan(20);
  for (const table of s.tables) {
    expect(table.rows.length).toBeGreaterThan(0);
    for (const row of table.rows) expect(row.cells).toHaveLength(table.columns.length);
  }
  if (s.events !== null) {
    expect(s.eventCount).toBeGreaterThanOrEqual(s.events.length);
    for (let i = 1; i < s.events.length; i++) expect(s.events[i]!.t).toBeGreaterThanOrEqual(s.events[i - 1]!.t);
  }
}

describe.each(ids)("%s follows the scenario contract", (id) => {
  const scenario = scenarios[id];

  it("is registered under its own id and describes its parameters fully", () => {
    expect(scenario.id).toBe(id);
    expect(isScenarioId(id)).toBe(true);
    expect(scenario.title.length).toBeGreaterThan(10);
    expect(scenario.description.length).toBeGreaterThan(50);
    for (const spec of scenario.params) {
      expect(spec.label.length).toBeGreaterThan(0);
      expect(spec.help.length).toBeGreaterThan(10);
      if (spec.kind === "number") {
        expect(spec.min).toBeLessThanOrEqual(spec.default);
        expect(spec.default).toBeLessThanOrEqual(spec.max);
        expect(spec.step).toBeGreaterThan(0);
      }
    }
    expect(scenario.presets.length).toBeGreaterThanOrEqual(2);
    for (const preset of scenario.presets) expect(parseParams(scenario, preset.params).issues).toEqual([]);
  });

  it("draws valid, JSON-safe, small snapshots from start to end, with tables of fixed shape", () => {
    const run = createRun(scenario, {}, 3);
    checkSnapshot(run.snapshot());
    const shape = (snapshot: Snapshot) => snapshot.tables.map((t) => [t.id, t.columns, t.rows.map((r) => r.label)]);
    const firstShape = shape(run.snapshot());
    const checkpoints = [0.1, 0.3, 0.5, 0.75, 1].map((f) => f * run.endTime);
    for (const t of checkpoints) {
      run.advanceTo(t);
      checkSnapshot(run.snapshot());
      expect(shape(run.snapshot())).toEqual(firstShape); // the reserved height depends on it
    }
    const last = run.snapshot();
    expect(last.done).toBe(true);
    expect(last.messagesInFlight).toBe(run.result().messages.inFlight);
    expect(last.charts.some((c) => c.points.length > 10)).toBe(true);
  });

  it("repairs bad parameters instead of throwing, and says what it repaired", () => {
    const defaults = defaultParams(scenario);
    const numberSpec = scenario.params.find((p) => p.kind === "number");
    const input: Record<string, unknown> = { bogus: 1 };
    if (numberSpec !== undefined) input[numberSpec.key] = numberSpec.max * 10 + 1;
    const booleanOrChoice = scenario.params.find((p) => p.kind !== "number");
    if (booleanOrChoice !== undefined) input[booleanOrChoice.key] = "not-a-valid-value";
    const parsed = parseParams(scenario, input);
    const values = parsed.values as Readonly<Record<string, unknown>>;
    if (numberSpec !== undefined) expect(values[numberSpec.key]).toBe(numberSpec.max);
    if (booleanOrChoice !== undefined) expect(values[booleanOrChoice.key]).toBe(booleanOrChoice.default);
    expect(parsed.issues.map((i) => i.key).sort()).toEqual(
      ["bogus", numberSpec?.key, booleanOrChoice?.key].filter((k): k is string => k !== undefined).sort(),
    );
    expect(parseParams(scenario, "nonsense").values).toEqual(defaults);
    expect(parseParams(scenario, null).issues).toHaveLength(1);
  });
});

describe("a scenario with tables, events and a seed check (the test fixture)", () => {
  it("draws valid snapshots from start to end, its tables keeping their shape", () => {
    const run = createRun(lostUpdate, { clients: 4 }, 1);
    const shape = run.snapshot().tables.map((t) => [t.columns, t.rows.map((r) => r.label)]);
    for (const f of [0, 0.25, 0.5, 1]) {
      run.advanceTo(f * run.endTime);
      const s = run.snapshot();
      checkSnapshot(s);
      expect(s.tables.map((t) => [t.columns, t.rows.map((r) => r.label)])).toEqual(shape);
    }
    expect(run.snapshot().eventCount).toBeGreaterThan(0);
  });
});

describe("runner", () => {
  it("clamps advanceTo to the end and maps any seed onto a 32-bit integer", () => {
    const run = createRun(scenarios["sync-vs-queue"], {}, -1.7);
    expect(run.seed).toBe(4294967295);
    run.advanceTo(Number.POSITIVE_INFINITY);
    expect(run.time).toBe(run.endTime);
    expect(run.done).toBe(true);
    expect(createRun(scenarios["sync-vs-queue"], {}, Number.NaN).seed).toBe(1);
  });
});
