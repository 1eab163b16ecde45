import type { ScenarioInstance, ScenarioMetrics, SimulationHandle } from "../scenario";
import type { ChartSeries, HeadlineMetric, SnapshotTable, TimelineMarker } from "../snapshot";
import type { Journal } from "./journal";
import type { Timeline } from "./timeline";

/** What a scenario's build returns, in the shape every scenario has: see scenarioInstance. */
export interface InstanceParts<R extends ScenarioMetrics> {
  readonly sim: SimulationHandle;
  /** The numbers the lesson's claims are about, as of now. */
  measure(): R;
  /** The script whose marks the charts show; leave out for a scenario without one. */
  readonly timeline?: Timeline;
  /** Instead of the timeline's marks, when a scenario adds marks of its own. */
  markers?(): TimelineMarker[];
  /** The notable events; leave out for a scenario that keeps none. */
  readonly journal?: Journal;
  charts(): ChartSeries[];
  /** The headline numbers, from this instant's measure(). */
  headline(m: R): HeadlineMetric[];
  /** One plain sentence, from this instant's measure(). */
  summary(m: R): string;
  tables?(): SnapshotTable[];
}

/**
 * Assembles a ScenarioInstance from a scenario's parts: markers from its Timeline, events
 * from its Journal, and headline and summary each given a fresh measure(), which is what
 * every scenario did by hand.
 */
export function scenarioInstance<R extends ScenarioMetrics>(parts: InstanceParts<R>): ScenarioInstance<R> {
  const { measure, timeline, journal, tables } = parts;
  return {
    sim: parts.sim,
    measure,
    markers: parts.markers ?? (() => timeline?.markers() ?? []),
    charts: () => parts.charts(),
    headline: () => parts.headline(measure()),
    summary: () => parts.summary(measure()),
    ...(tables === undefined ? {} : { tables }),
    ...(journal === undefined ? {} : { events: () => journal.events() }),
  };
}
