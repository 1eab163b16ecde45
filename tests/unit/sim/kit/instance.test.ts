import { describe, expect, it } from "vitest";
import { Simulation } from "@/lib/sim/engine";
import { createRun } from "@/lib/sim/runner";
import { defineScenario } from "@/lib/sim/scenario";
import { headline, Journal, scenarioInstance, Timeline } from "@/lib/sim/kit";

/** A scenario whose one node counts ticks; `withParts` decides whether it keeps a timeline and a journal. */
function tickScenario(withParts: boolean) {
  return defineScenario({
    id: "ticks",
    title: "Ticks",
    lesson: "test",
    description: "A node that ticks every 100 ms.",
    params: [],
    presets: [],
    durationMs: () => 1000,
    build(_, seed) {
      const sim = new Simulation<never, null>({ seed });
      const timeline = new Timeline(sim);
      const journal = new Journal(sim);
      let ticks = 0;
      let measured = 0;
      sim.addNode({ id: "n", role: "node", x: 0, y: 0, onTimer: () => (ticks++, sim.setTimer("n", 100, null)) });
      sim.setTimer("n", 100, null);
      timeline.at(500, "half", () => journal.note("half way", "good"));
      const measure = () => (measured++, { ticks, measured });
      return scenarioInstance({
        sim,
        measure,
        ...(withParts ? { timeline, journal } : {}),
        charts: () => [],
        headline: (m) => [headline.count("ticks", "Ticks", m.ticks), headline.count("measured", "Measured", m.measured)],
        summary: (m) => `${m.ticks} ticks (measure call ${m.measured})`,
      });
    },
  });
}

describe("scenarioInstance", () => {
  it("gives headline and summary a fresh measure() each, and draws markers and events from the timeline and journal", () => {
    const run = createRun(tickScenario(true), {}, 1);
    run.advanceTo(700);
    const snapshot = run.snapshot();
    expect(snapshot.headline.map((h) => h.value)).toEqual([7, 1]);
    expect(snapshot.summary).toBe("7 ticks (measure call 2)");
    expect(snapshot.markers).toEqual([{ t: 500, label: "half" }]);
    expect(snapshot.events).toEqual([{ t: 500, text: "half way", tone: "good" }]);
    expect(snapshot.tables).toEqual([]);
  });

  it("has no markers and no events list when the scenario keeps neither", () => {
    const snapshot = createRun(tickScenario(false), {}, 1).snapshot();
    expect(snapshot.markers).toEqual([]);
    expect(snapshot.events).toBeNull();
  });
});
