import { hashEventLog, type EventLogEntry } from "./event-log";
import { parseParams, type ParamIssue } from "./params";
import type { ParamSpec, ParamValues, Scenario, ScenarioInstance, ScenarioMetrics } from "./scenario";
import { MAX_EVENTS_SHOWN, MAX_MESSAGES_SHOWN, type HeadlineMetric, type Snapshot, type SnapshotMessage } from "./snapshot";
import type { MessageCounts } from "./types";

/**
 * Runs a scenario, all at once (charts, tests) or a little at a time (animation). A demo
 * keeps one Run, calls advanceTo(modelTime) from its animation-frame driver and draws
 * snapshot(); pause is not calling it, step is step(), reset is a new createRun.
 */
export interface Run<S extends readonly ParamSpec[], R extends ScenarioMetrics> {
  readonly scenario: Scenario<S, R>;
  readonly seed: number;
  readonly params: ParamValues<S>;
  /** Repairs made to the parameters passed in (see parseParams). */
  readonly paramIssues: readonly ParamIssue[];
  /** Virtual time at which the run ends, in ms. */
  readonly endTime: number;
  /** Virtual time now, in ms. */
  readonly time: number;
  /** True once every event up to endTime has been handled. */
  readonly done: boolean;
  /** Handles one event; false (and the clock moves to endTime) when none is left. */
  step(): boolean;
  /** Handles every event up to virtual time t (clamped to endTime). */
  advanceTo(t: number): void;
  runToEnd(): RunResult<R>;
  snapshot(): Snapshot;
  /** The outcome as of now. */
  result(): RunResult<R>;
  /** Every event so far; empty unless the run was created with recordLog. */
  eventLog(): readonly EventLogEntry[];
}

export interface RunResult<R extends ScenarioMetrics> {
  readonly scenarioId: string;
  readonly seed: number;
  readonly params: Readonly<Record<string, number | boolean | string>>;
  readonly time: number;
  readonly endTime: number;
  readonly eventsProcessed: number;
  readonly messages: MessageCounts;
  readonly metrics: R;
  readonly headline: readonly HeadlineMetric[];
  readonly summary: string;
  /** FNV-1a of the canonical event log, or null when the log was not recorded. */
  readonly eventLogHash: string | null;
}

export interface RunOptions {
  readonly recordLog?: boolean;
}

/** Seeds are 32-bit unsigned integers; anything else is mapped onto one, never rejected. */
export function normalizeSeed(seed: number): number {
  return Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 1;
}

export function createRun<const S extends readonly ParamSpec[], R extends ScenarioMetrics>(
  scenario: Scenario<S, R>,
  params: unknown = {},
  seed = 1,
  options: RunOptions = {},
): Run<S, R> {
  const parsed = parseParams(scenario, params);
  const usedSeed = normalizeSeed(seed);
  const endTime = scenario.durationMs(parsed.values);
  const instance = scenario.build(parsed.values, usedSeed, { recordLog: options.recordLog === true });
  return new ScenarioRun(scenario, parsed.values, parsed.issues, usedSeed, endTime, instance);
}

/** Builds and runs to the end in one call. */
export function runScenario<const S extends readonly ParamSpec[], R extends ScenarioMetrics>(
  scenario: Scenario<S, R>,
  params: unknown = {},
  seed = 1,
  options: RunOptions = {},
): RunResult<R> {
  return createRun(scenario, params, seed, options).runToEnd();
}

/** One seed of a seed sweep: whether its full run passed the scenario's check. */
export interface SeedVerdict {
  readonly seed: number;
  readonly passed: boolean;
  /** The run's summary sentence, to say why. */
  readonly summary: string;
}

/**
 * Runs one seed to the end and applies the scenario's check (see SeedCheck). A scenario
 * without a check has nothing to sweep: every seed passes. The frame calls this once per
 * animation frame, so a sweep never blocks the page.
 */
export function checkSeed<const S extends readonly ParamSpec[], R extends ScenarioMetrics>(
  scenario: Scenario<S, R>,
  params: unknown,
  seed: number,
): SeedVerdict {
  const run = createRun(scenario, params, seed);
  const result = run.runToEnd();
  const passed = scenario.check === undefined || scenario.check.passes(result.metrics, run.params);
  return { seed: run.seed, passed, summary: result.summary };
}

/** checkSeed for seeds 1..count (the scenario's check.seeds by default). */
export function sweepSeeds<const S extends readonly ParamSpec[], R extends ScenarioMetrics>(
  scenario: Scenario<S, R>,
  params: unknown,
  count = scenario.check?.seeds ?? 0,
): SeedVerdict[] {
  return Array.from({ length: count }, (_, i) => checkSeed(scenario, params, i + 1));
}

class ScenarioRun<S extends readonly ParamSpec[], R extends ScenarioMetrics> implements Run<S, R> {
  constructor(
    readonly scenario: Scenario<S, R>,
    readonly params: ParamValues<S>,
    readonly paramIssues: readonly ParamIssue[],
    readonly seed: number,
    readonly endTime: number,
    private readonly instance: ScenarioInstance<R>,
  ) {}

  get time(): number {
    return this.instance.sim.now;
  }

  get done(): boolean {
    const next = this.instance.sim.nextEventTime();
    return this.time >= this.endTime && (next === null || next > this.endTime);
  }

  step(): boolean {
    const sim = this.instance.sim;
    const next = sim.nextEventTime();
    if (next !== null && next <= this.endTime) return sim.step();
    sim.runUntil(this.endTime);
    return false;
  }

  advanceTo(t: number): void {
    if (Number.isNaN(t)) return;
    this.instance.sim.runUntil(Math.min(t, this.endTime));
  }

  runToEnd(): RunResult<R> {
    this.instance.sim.runUntil(this.endTime);
    return this.result();
  }

  result(): RunResult<R> {
    const sim = this.instance.sim;
    const log = sim.eventLog();
    return {
      scenarioId: this.scenario.id,
      seed: this.seed,
      params: { ...this.params },
      time: sim.now,
      endTime: this.endTime,
      eventsProcessed: sim.eventsProcessed,
      messages: sim.messageCounts(),
      metrics: this.instance.measure(),
      headline: this.instance.headline(),
      summary: this.instance.summary(),
      eventLogHash: log === null ? null : hashEventLog(log),
    };
  }

  eventLog(): readonly EventLogEntry[] {
    return this.instance.sim.eventLog() ?? [];
  }

  snapshot(): Snapshot {
    const sim = this.instance.sim;
    const now = sim.now;
    const inFlight = sim.inFlightMessages().sort((a, b) => a.id - b.id);
    const messages: SnapshotMessage[] = [];
    for (const m of inFlight.slice(0, MAX_MESSAGES_SHOWN)) {
      const span = m.arrivesAt - m.sentAt;
      const progress = span > 0 ? Math.min(1, Math.max(0, (now - m.sentAt) / span)) : 1;
      messages.push({ id: m.id, from: m.from, to: m.to, kind: m.kind, progress });
    }
    const events = this.instance.events?.() ?? null;
    return {
      scenarioId: this.scenario.id,
      seed: this.seed,
      time: now,
      endTime: this.endTime,
      done: this.done,
      nodes: sim.nodeViews().map((n) => ({ ...n, gauges: n.gauges.map((g) => ({ ...g })) })),
      links: sim.network.displayed().map(({ from, to }) => ({ from, to, partitioned: sim.network.isCut(from, to) })),
      messages,
      messagesInFlight: inFlight.length,
      charts: this.instance.charts(),
      markers: this.instance.markers(),
      headline: this.instance.headline(),
      summary: this.instance.summary(),
      tables: this.instance.tables?.() ?? [],
      events: events === null ? null : events.slice(-MAX_EVENTS_SHOWN),
      eventCount: events?.length ?? 0,
    };
  }
}
