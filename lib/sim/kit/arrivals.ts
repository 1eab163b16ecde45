import type { Rng } from "../rng";
import type { SimPort } from "./port";

/** The timer an Arrivals sets; handle it on the node and call `next()` from there. */
export interface ArrivalTimer {
  readonly type: "arrival";
}

/** The time between two arrivals. */
export type ArrivalGap = (rng: Rng) => number;

/** A Poisson process: exponential gaps with mean 1000 / perSecond, one random draw each. */
export function poisson(perSecond: number): ArrivalGap {
  const meanGapMs = 1000 / perSecond;
  return (rng) => rng.exponential(meanGapMs);
}

/** Evenly spaced arrivals; draws nothing. */
export function evenly(everyMs: number): ArrivalGap {
  return () => everyMs;
}

/**
 * Open-loop arrivals on one node: requests come at their own pace, whether or not earlier
 * ones have been answered (users on the internet, a load generator that does not wait),
 * which is what builds queues when the system slows down. Compare Client.closedLoop.
 *
 * `next()` sets the timer of the next arrival. The node's handler for an ArrivalTimer starts
 * a request and calls `next()`, before or after sending; where the call goes decides the
 * order of random draws, so keep it where it is once a lesson quotes numbers.
 */
export class Arrivals {
  private arrived = 0;

  constructor(
    private readonly sim: SimPort<never, ArrivalTimer>,
    private readonly node: string,
    private readonly gap: ArrivalGap,
  ) {}

  /** Arrivals scheduled so far (the first included). */
  get scheduled(): number {
    return this.arrived;
  }

  /** Schedules the next arrival, one gap from now. */
  next(): void {
    this.arrived++;
    this.sim.setTimer(this.node, this.gap(this.sim.rng), { type: "arrival" });
  }

  /** Schedules the first arrival `delayMs` from now (0 by default: the run starts with one). */
  first(delayMs = 0): void {
    this.arrived++;
    this.sim.setTimer(this.node, delayMs, { type: "arrival" });
  }
}
