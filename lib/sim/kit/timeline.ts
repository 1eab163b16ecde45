import type { TimelineMarker } from "../snapshot";

/** The part of a Simulation a Timeline needs. */
interface Scheduler {
  readonly now: number;
  schedule(at: number, label: string, run: () => void): void;
}

/** A stretch of virtual time, [startMs, endMs): an outage, a partition, a stall. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
  /** True if t lies within [startMs, endMs). */
  contains(t: number): boolean;
}

/**
 * A scenario's script and the marks on its charts. `at` schedules an action (crash B at 5 s)
 * and marks it from the start of the run, so the learner sees what is coming; `window`
 * does the same for a begin and an end; `mark` adds a mark as something happens (the
 * registry removes the instance). `markers()` is what ScenarioInstance.markers returns.
 */
export class Timeline {
  private readonly marks: TimelineMarker[] = [];

  constructor(private readonly sim: Scheduler) {}

  /** Schedules `run` at virtual time `at`, labelled and marked on every chart. */
  at(at: number, label: string, run: () => void): void {
    this.marks.push({ t: at, label });
    this.sim.schedule(at, label, run);
  }

  /** Schedules a begin and an end action, both marked; returns the window they bound. */
  window(startMs: number, endMs: number, begin: { readonly label: string; readonly run: () => void }, end: { readonly label: string; readonly run: () => void }): TimeWindow {
    this.at(startMs, begin.label, begin.run);
    this.at(endMs, end.label, end.run);
    return timeWindow(startMs, endMs);
  }

  /** Marks the present instant, as something worth seeing on the charts happens. */
  mark(label: string): void {
    this.marks.push({ t: this.sim.now, label });
  }

  markers(): TimelineMarker[] {
    return this.marks.slice();
  }
}

export function timeWindow(startMs: number, endMs: number): TimeWindow {
  return { startMs, endMs, contains: (t) => t >= startMs && t < endMs };
}
