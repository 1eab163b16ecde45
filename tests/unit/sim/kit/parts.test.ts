import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "@/lib/sim/engine";
import {
  Arrivals, column, evenly, headline, Journal, meanIn, param, peakIn, poisson, ring, row, share, spread, sustainedFrom, Timeline,
  timeWindow, type ArrivalTimer,
} from "@/lib/sim/kit";
import type { SeriesPoint } from "@/lib/sim/time-series";
import { Histogram } from "@/lib/sim/histogram";
import { defineScenario } from "@/lib/sim/scenario";
import { parseParams } from "@/lib/sim/params";

describe("Arrivals", () => {
  it("evenly spaced arrivals come exactly every interval; Poisson arrivals average the rate", () => {
    const sim = new Simulation<never, ArrivalTimer>({ seed: 1 });
    const times: Record<string, number[]> = { even: [], poisson: [] };
    const even = new Arrivals(sim, "even", evenly(10));
    const random = new Arrivals(sim, "poisson", poisson(200));
    sim.addNode({ id: "even", role: "client", x: 0, y: 0, onTimer: () => (times.even!.push(sim.now), even.next()) });
    sim.addNode({ id: "poisson", role: "client", x: 0, y: 1, onTimer: () => (times.poisson!.push(sim.now), random.next()) });
    even.first();
    random.next();
    sim.runUntil(10_000);
    expect(times.even!.slice(0, 4)).toEqual([0, 10, 20, 30]);
    expect(times.even).toHaveLength(1001);
    expect(even.scheduled).toBe(1002);
    expect(times.poisson!.length).toBeGreaterThan(1900);
    expect(times.poisson!.length).toBeLessThan(2100);
  });
});

describe("Timeline", () => {
  it("schedules and marks actions up front, marks what happens as it happens, and knows its windows", () => {
    const sim = new Simulation({ seed: 1 });
    const timeline = new Timeline(sim);
    const log: string[] = [];
    const outage = timeline.window(1000, 3000, { label: "down", run: () => log.push(`down ${sim.now}`) }, { label: "up", run: () => log.push(`up ${sim.now}`) });
    timeline.at(2000, "spike", () => timeline.mark("noticed"));
    expect(timeline.markers()).toEqual([
      { t: 1000, label: "down" },
      { t: 3000, label: "up" },
      { t: 2000, label: "spike" },
    ]);
    sim.runUntil(5000);
    expect(log).toEqual(["down 1000", "up 3000"]);
    expect(timeline.markers().at(-1)).toEqual({ t: 2000, label: "noticed" });
    expect([999, 1000, 2999, 3000].map((t) => outage.contains(t))).toEqual([false, true, true, false]);
    expect(timeWindow(5, 5).contains(5)).toBe(false);
  });
});

describe("layout", () => {
  it("keeps every position inside the unit square and spreads items evenly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0, max: 0.45, noNaN: true }), (n, margin) => {
        for (let i = 0; i < n; i++) {
          for (const p of [column(i, n, 0.3, margin), row(i, n, 0.7, margin), ring(i, n, 0.5, 0.5, 0.45)]) {
            expect(p.x).toBeGreaterThanOrEqual(0);
            expect(p.x).toBeLessThanOrEqual(1);
            expect(p.y).toBeGreaterThanOrEqual(0);
            expect(p.y).toBeLessThanOrEqual(1);
          }
        }
      }),
    );
    expect([0, 1, 2].map((i) => spread(i, 3, 0.1))).toEqual([0.1, 0.5, 0.9]);
    expect(column(0, 1, 0.2)).toEqual({ x: 0.2, y: 0.5 });
    expect(ring(0, 4).y).toBeCloseTo(0.1);
  });
});

describe("headlines and words", () => {
  it("round the same way everywhere and keep null as not yet known", () => {
    const latency = new Histogram();
    [10, 20, 30, 40].forEach((v) => latency.add(v + 0.04));
    expect(headline.percentiles("read", "Read latency", latency)).toEqual([
      { id: "read-p50", label: "Read latency p50", value: 20, unit: "ms" },
      { id: "read-p99", label: "Read latency p99", value: 40, unit: "ms" },
    ]);
    expect(headline.seconds("t", "T", 8123)).toEqual({ id: "t", label: "T", value: 8.1, unit: "s" });
    expect(headline.seconds("t", "T", null).value).toBeNull();
    expect(headline.rate("r", "R", 149.6).value).toBe(150);
    expect(headline.percent("p", "P", 18.44).value).toBe(18.4);
    expect(share(3, 40, "requests", "failed")).toBe("3 of 40 requests failed (7.5%)");
  });
});

describe("param", () => {
  it("builds declarations defineScenario accepts, with typed keys and choices", () => {
    const params = [
      param.number("n", "N", { min: 1, max: 9, step: 1, default: 3 }, "How many of them there are."),
      param.toggle("on", "On", false, "Whether it is switched on."),
      param.choice("mode", "Mode", [["a", "Mode A"], ["b", "Mode B"]], "b", "Which of the two modes to use."),
    ] as const;
    expect(params[0]).toEqual({ kind: "number", key: "n", label: "N", help: "How many of them there are.", min: 1, max: 9, step: 1, default: 3, unit: "" });
    expect(params[2].choices).toEqual([{ value: "a", label: "Mode A" }, { value: "b", label: "Mode B" }]);
    const scenario = defineScenario({
      id: "params-fixture",
      title: "Parameters",
      lesson: "none",
      description: "",
      params,
      presets: [{ id: "x", label: "X", description: "", params: { mode: "a", on: true } }],
      durationMs: () => 1,
      build: () => {
        throw new Error("not built");
      },
    });
    const parsed = parseParams(scenario, { n: 99, mode: "c" });
    expect(parsed.values).toEqual({ n: 9, on: false, mode: "b" });
    // Compile-time check: the values are typed by key.
    const mode: "a" | "b" = parsed.values.mode;
    expect(mode).toBe("b");
  });
});

describe("Journal", () => {
  it("notes events at the virtual time, in order", () => {
    const sim = new Simulation({ seed: 1 });
    const journal = new Journal(sim);
    sim.schedule(1500, "x", () => journal.note("order 17 charged twice", "bad"));
    sim.schedule(2500, "y", () => journal.note("refunded"));
    sim.runUntil(3000);
    expect(journal.events()).toEqual([
      { t: 1500, text: "order 17 charged twice", tone: "bad" },
      { t: 2500, text: "refunded", tone: "info" },
    ]);
    expect(journal.count).toBe(2);
  });
});

describe("series statistics", () => {
  const goodput: SeriesPoint[] = [0, 100, 200, 300, 400, 500, 600, 700, 800, 900].map((t, i) => [t, [10, 10, 10, 0, 0, 4, 9, 10, 9, 10][i]!]);

  it("take the mean and the peak of the buckets starting in a window", () => {
    expect(meanIn(goodput, 0, 300)).toBe(10);
    expect(meanIn(goodput, 300, 500)).toBe(0);
    expect(meanIn(goodput, 2000)).toBe(0);
    expect(peakIn(goodput, 300, 700)).toBe(9);
    expect(peakIn([], 0)).toBe(0);
  });

  it("find when a rate was back to a level and stayed there", () => {
    expect(sustainedFrom(goodput, 300, 2, 9)).toBe(600); // 9 and 10
    expect(sustainedFrom(goodput, 300, 4, 9.5)).toBe(600); // 9, 10, 9, 10: "at least" includes the level
    expect(sustainedFrom(goodput, 300, 4, 9.6)).toBeNull();
    expect(sustainedFrom(goodput, 0, 3, 10)).toBe(0);
  });
});
