import type { EventLogEntry } from "./event-log";
import type { NodeView } from "./engine";
import type { DisplayLink } from "./network";
import type { ChartSeries, HeadlineMetric, NotableEvent, SnapshotTable, TimelineMarker } from "./snapshot";
import type { Message, MessageCounts } from "./types";

/**
 * A scenario is one lesson's small system: the parameters a learner can turn, how to build
 * the system from them and a seed, and what to measure. It is self-describing, so a
 * generic demo can render its controls from `params` and its view from snapshots.
 */

interface ParamBase<K extends string> {
  readonly key: K;
  readonly label: string;
  /** One line shown under the control. */
  readonly help: string;
}

export interface NumberParam<K extends string = string> extends ParamBase<K> {
  readonly kind: "number";
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
  /** "ms", "%", "req/s", or "" for a plain count. */
  readonly unit: string;
}

export interface BooleanParam<K extends string = string> extends ParamBase<K> {
  readonly kind: "boolean";
  readonly default: boolean;
}

export interface ChoiceParam<K extends string = string, V extends string = string> extends ParamBase<K> {
  readonly kind: "choice";
  readonly choices: readonly { readonly value: V; readonly label: string }[];
  readonly default: V;
}

export type ParamSpec = NumberParam | BooleanParam | ChoiceParam;

type ValueOf<Spec> = Spec extends { readonly kind: "number" }
  ? number
  : Spec extends { readonly kind: "boolean" }
    ? boolean
    : Spec extends { readonly kind: "choice"; readonly choices: readonly { readonly value: infer V }[] }
      ? V
      : never;

/** The typed parameter values of a scenario, derived from its parameter list. */
export type ParamValues<S extends readonly ParamSpec[]> = {
  readonly [Spec in S[number] as Spec["key"]]: ValueOf<Spec>;
};

/** Measured outcomes: plain numbers, null where a value does not exist (never drained). */
export type ScenarioMetrics = Readonly<Record<string, number | null>>;

export interface ScenarioPreset<V> {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly params: Partial<V>;
}

/** The part of a Simulation that runners and snapshots use, whatever its payload types. */
export interface SimulationHandle {
  readonly now: number;
  readonly eventsProcessed: number;
  step(): boolean;
  runUntil(t: number): void;
  nextEventTime(): number | null;
  messageCounts(): MessageCounts;
  nodeViews(): NodeView[];
  inFlightMessages(): Message<unknown>[];
  readonly network: { displayed(): readonly DisplayLink[]; isCut(a: string, b: string): boolean };
  eventLog(): readonly EventLogEntry[] | null;
}

/** A built system, ready to run. */
export interface ScenarioInstance<R extends ScenarioMetrics> {
  readonly sim: SimulationHandle;
  /** Instants worth marking on charts, as of now ("B goes down", "registry drops i2"). */
  markers(): TimelineMarker[];
  /** The numbers the lesson's claims are about, as of now. */
  measure(): R;
  /** The series to chart, up to now. */
  charts(): ChartSeries[];
  headline(): HeadlineMetric[];
  /** One plain sentence on the outcome so far, for screen readers. */
  summary(): string;
  /** Tables to show, as of now (see SnapshotTable); omit when there are none. */
  tables?(): SnapshotTable[];
  /** Every notable event so far, oldest first (a Journal's events()); omit when there are none. */
  events?(): readonly NotableEvent[];
}

/**
 * A check that a run of the scenario passes or fails, for the frame's seed sweep: it runs
 * seeds 1..seeds with the learner's parameters, shows which pass, and lets the learner load
 * a failing seed and replay it. For demos about bugs that only some interleavings reveal.
 */
export interface SeedCheck<V, R extends ScenarioMetrics> {
  /** What passing means, in words: "no acknowledged write is lost". */
  readonly label: string;
  /** How many seeds the sweep runs (1..seeds); keep seeds × a full run under about a second. */
  readonly seeds: number;
  /** Whether a finished run passes. */
  passes(metrics: R, params: V): boolean;
}

export interface BuildOptions {
  readonly recordLog: boolean;
}

export interface Scenario<S extends readonly ParamSpec[] = readonly ParamSpec[], R extends ScenarioMetrics = ScenarioMetrics> {
  readonly id: string;
  readonly title: string;
  /** The practice id of the lesson that embeds it. */
  readonly lesson: string;
  /** What the system is, what to try, what to watch. */
  readonly description: string;
  readonly params: S;
  /** Named settings: at least the naive one and the fixed one. */
  readonly presets: readonly ScenarioPreset<ParamValues<S>>[];
  /** How much virtual time a run covers, in ms. */
  durationMs(params: ParamValues<S>): number;
  build(params: ParamValues<S>, seed: number, options: BuildOptions): ScenarioInstance<R>;
  /** Optional: what the frame's seed sweep checks. */
  readonly check?: SeedCheck<ParamValues<S>, R>;
}

/** Any scenario, for registries and generic demos. */
export type AnyScenario = Scenario<readonly ParamSpec[], ScenarioMetrics>;

/**
 * Declares a scenario. The `const` type parameter keeps parameter keys and choice values
 * as literal types, so build() receives exactly typed params. Also checks the declaration
 * once, at module load, so a bad default fails every test rather than one demo.
 */
export function defineScenario<const S extends readonly ParamSpec[], R extends ScenarioMetrics>(
  scenario: Scenario<S, R>,
): Scenario<S, R> {
  const keys = new Set<string>();
  for (const spec of scenario.params) {
    if (keys.has(spec.key)) throw new Error(`${scenario.id}: duplicate parameter ${spec.key}`);
    keys.add(spec.key);
    const problem = checkValue(spec, spec.default);
    if (problem !== null) throw new Error(`${scenario.id}: default of ${spec.key} ${problem}`);
  }
  if (scenario.check !== undefined && !(Number.isInteger(scenario.check.seeds) && scenario.check.seeds >= 2 && scenario.check.seeds <= 100)) {
    throw new Error(`${scenario.id}: check.seeds must be an integer in 2..100`);
  }
  for (const preset of scenario.presets) {
    for (const [key, value] of Object.entries(preset.params)) {
      const spec = scenario.params.find((p) => p.key === key);
      if (spec === undefined) throw new Error(`${scenario.id}: preset ${preset.id} sets unknown parameter ${key}`);
      const problem = checkValue(spec, value);
      if (problem !== null) throw new Error(`${scenario.id}: preset ${preset.id}: ${key} ${problem}`);
    }
  }
  return scenario;
}

/** Why a value does not fit a parameter, or null if it does. */
export function checkValue(spec: ParamSpec, value: unknown): string | null {
  switch (spec.kind) {
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) return "must be a finite number";
      if (value < spec.min || value > spec.max) return `must be between ${spec.min} and ${spec.max}`;
      return null;
    case "boolean":
      return typeof value === "boolean" ? null : "must be true or false";
    case "choice":
      return spec.choices.some((c) => c.value === value)
        ? null
        : `must be one of ${spec.choices.map((c) => c.value).join(", ")}`;
  }
}
