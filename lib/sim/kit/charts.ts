import type { ChartSeries } from "../snapshot";
import type { SeriesPoint } from "../time-series";

/** One line of a chart: its id (stable: tests and the frame key on it), its legend label and its points. */
export type ChartLine = readonly [id: string, label: string, points: readonly SeriesPoint[]];

/**
 * The series drawn on one chart, which share its title and its unit: each said once.
 *
 *   ...chart("Load on the server", "req/s", [
 *     ["load", "all attempts", serverLoad.points(sim.now)],
 *     ["retries", "retries", retryLoad.points(sim.now)],
 *   ]),
 */
export function chart(title: string, unit: string, lines: readonly ChartLine[]): ChartSeries[] {
  return lines.map(([id, label, points]) => ({ id, chart: title, label, unit, points }));
}
