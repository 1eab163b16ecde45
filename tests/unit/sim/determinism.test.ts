import { describe, expect, it } from "vitest";
import { scenarios, type ScenarioId } from "@/lib/sim";
import { createRun, runScenario, type RunResult } from "@/lib/sim/runner";
import type { ScenarioMetrics } from "@/lib/sim/scenario";

const ids = Object.keys(scenarios) as ScenarioId[];

/** Fan-out's default run is the longest; a shorter one exercises the same code. */
const PARAMS: Partial<Record<ScenarioId, Record<string, number>>> = { "fan-out-tail": { requests: 300 } };

describe.each(ids)("%s is deterministic", (id) => {
  const scenario = scenarios[id];
  const params = PARAMS[id] ?? {};
  const fixed = { ...params, ...(scenario.presets[scenario.presets.length - 1]?.params ?? {}) };
  const logged = new Map<string, RunResult<ScenarioMetrics>>();
  const run = (p: object, seed: number): RunResult<ScenarioMetrics> => {
    const key = `${JSON.stringify(p)} ${seed}`;
    const cached = logged.get(key) ?? runScenario(scenario, p, seed, { recordLog: true });
    logged.set(key, cached);
    return cached;
  };

  it("gives the same event log hash and result, byte for byte, for the same params and seed", () => {
    for (const p of [params, fixed]) {
      const a = run(p, 11);
      const b = runScenario(scenario, p, 11, { recordLog: true });
      expect(a.eventLogHash).toMatch(/^[0-9a-f]{8}$/);
      expect(a.eventLogHash).toBe(b.eventLogHash);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect(a.eventsProcessed).toBeGreaterThan(1000);
    }
  });

  it("gives a different event log for a different seed", () => {
    expect(run(params, 11).eventLogHash).not.toBe(run(params, 12).eventLogHash);
  });

  it("ends the same whether run at once, event by event, or in animation-frame chunks", () => {
    const whole = run(params, 12);

    const stepped = createRun(scenario, params, 12, { recordLog: true });
    let steps = 0;
    while (stepped.step()) steps++;
    expect(stepped.done).toBe(true);
    expect(stepped.time).toBe(stepped.endTime);
    expect(stepped.step()).toBe(false);

    const chunked = createRun(scenario, params, 12, { recordLog: true });
    for (let t = 0; !chunked.done; t += 16.7) chunked.advanceTo(t);

    expect(steps).toBe(whole.eventsProcessed);
    for (const other of [stepped.result(), chunked.result()]) {
      expect(other.eventLogHash).toBe(whole.eventLogHash);
      expect(other.metrics).toEqual(whole.metrics);
    }
  });

  it("records no log unless asked, and the log accounts for every message", () => {
    const quiet = createRun(scenario, params, 12);
    const quietResult = quiet.runToEnd();
    expect(quiet.eventLog()).toEqual([]);
    expect(quietResult.eventLogHash).toBeNull();
    expect(quietResult.metrics).toEqual(run(params, 12).metrics); // logging changes nothing

    const loggedRun = createRun(scenario, params, 12, { recordLog: true });
    const result = loggedRun.runToEnd();
    const log = loggedRun.eventLog();
    const sends = log.filter((e) => e.event === "send").length;
    const ends = log.filter((e) => e.event === "deliver" || e.event === "drop").length;
    expect(sends).toBe(result.messages.sent);
    expect(sends - ends).toBe(result.messages.inFlight);
    expect(result.messages.sent).toBe(result.messages.delivered + result.messages.dropped.total + result.messages.inFlight);
  });
});
