/**
 * Benchmarks the simulator: raw engine throughput on a ping-pong workload, and a full run
 * of every scenario at its default parameters. Prints a table, writes the same figures to
 * .bench/sim.json, and exits non-zero if a goal is missed (after printing everything).
 *
 *   npx tsx scripts/bench-sim.ts
 *
 * Goals: at least 1,000,000 engine events per second, and every scenario's full run in
 * under 50 ms. Each figure is the median of several runs after warm-up runs, so one
 * hiccup (a GC pause, a busy neighbour) does not decide it.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Latency, Simulation, runScenario, scenarios, type ScenarioId } from "../lib/sim";
import { median } from "./median";

const EVENTS_GOAL_PER_SECOND = 1_000_000;
const SCENARIO_GOAL_MS = 50;
const PING_PONG_EVENTS = 3_000_000;
const PING_PONG_BALLS = 1000;
const ENGINE_WARMUPS = 2;
const ENGINE_RUNS = 5;
const SCENARIO_WARMUPS = 3;
const SCENARIO_RUNS = 9;


/**
 * Two nodes bat PING_PONG_BALLS messages back and forth over a link with random latency,
 * so the queue holds a realistic number of events and every event draws a random number,
 * pushes and pops the heap and runs a handler.
 */
function pingPong(events: number): { events: number; ms: number } {
  const sim = new Simulation<number, null>({ seed: 1, defaultLink: { latency: Latency.uniform(1, 3), loss: 0 } });
  sim.addNode({ id: "ping", role: "node", x: 0, y: 0.5, onMessage: (m) => sim.send("ping", "pong", "request", m.payload + 1) });
  sim.addNode({ id: "pong", role: "node", x: 1, y: 0.5, onMessage: (m) => sim.send("pong", "ping", "response", m.payload + 1) });
  for (let i = 0; i < PING_PONG_BALLS; i++) sim.send("ping", "pong", "request", 0);
  const start = performance.now();
  while (sim.eventsProcessed < events && sim.step()) {
    // the loop body is the work
  }
  const ms = performance.now() - start;
  return { events: sim.eventsProcessed, ms };
}

interface ScenarioFigure {
  readonly id: ScenarioId;
  readonly medianMs: number;
  readonly runsMs: readonly number[];
  readonly events: number;
  readonly ok: boolean;
}

function benchScenario(id: ScenarioId): ScenarioFigure {
  const scenario = scenarios[id];
  let events = 0;
  for (let i = 0; i < SCENARIO_WARMUPS; i++) runScenario(scenario, {}, 1);
  const runsMs: number[] = [];
  for (let i = 0; i < SCENARIO_RUNS; i++) {
    const start = performance.now();
    events = runScenario(scenario, {}, 1).eventsProcessed;
    runsMs.push(performance.now() - start);
  }
  const medianMs = median(runsMs);
  return { id, medianMs, runsMs, events, ok: medianMs < SCENARIO_GOAL_MS };
}

function main(): void {
  for (let i = 0; i < ENGINE_WARMUPS; i++) pingPong(PING_PONG_EVENTS / 3);
  const engineRuns = Array.from({ length: ENGINE_RUNS }, () => {
    const { events, ms } = pingPong(PING_PONG_EVENTS);
    return (events / ms) * 1000;
  });
  const eventsPerSecond = median(engineRuns);
  const engineOk = eventsPerSecond >= EVENTS_GOAL_PER_SECOND;

  const figures = (Object.keys(scenarios) as ScenarioId[]).map(benchScenario);

  const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");
  console.log("Simulator benchmark (median of runs after warm-up)\n");
  console.log(`Engine, ping-pong of ${fmt(PING_PONG_EVENTS)} events, ${ENGINE_RUNS} runs`);
  console.log(`  ${fmt(eventsPerSecond)} events/s   goal >= ${fmt(EVENTS_GOAL_PER_SECOND)}   ${engineOk ? "ok" : "MISSED"}`);
  console.log(`  runs: ${engineRuns.map(fmt).join(", ")}\n`);
  console.log(`Scenario full runs at default parameters, ${SCENARIO_RUNS} runs each (goal < ${SCENARIO_GOAL_MS} ms)`);
  console.log(`  ${"scenario".padEnd(26)}${"median ms".padStart(11)}${"events".padStart(10)}${"events/s".padStart(13)}   result`);
  for (const f of figures) {
    console.log(
      `  ${f.id.padEnd(26)}${f.medianMs.toFixed(1).padStart(11)}${fmt(f.events).padStart(10)}${fmt((f.events / f.medianMs) * 1000).padStart(13)}   ${f.ok ? "ok" : "MISSED"}`,
    );
  }

  const ok = engineOk && figures.every((f) => f.ok);
  const report = {
    node: process.version,
    engine: { workload: "ping-pong", events: PING_PONG_EVENTS, eventsPerSecond, runs: engineRuns, goal: EVENTS_GOAL_PER_SECOND, ok: engineOk },
    scenarios: figures.map((f) => ({ ...f, goalMs: SCENARIO_GOAL_MS })),
    ok,
  };
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const out = join(root, ".bench", "sim.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${out}`);
  if (!ok) {
    console.error("A simulator performance goal was missed.");
    process.exitCode = 1;
  }
}

main();
