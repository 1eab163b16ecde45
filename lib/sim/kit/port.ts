import type { Metrics } from "../metrics";
import type { Rng } from "../rng";
import type { MessageKind, NodeStatus } from "../types";

/**
 * The part of a Simulation that kit parts use. P is what a part sends, T what its timers
 * carry. A scenario passes its own `Simulation<Payload, Timer>`: TypeScript accepts it as
 * long as the part's payloads and timers are members of the scenario's unions (method
 * parameters are compared both ways), so each part types only its own messages.
 */
export interface SimPort<P = never, T = never> {
  readonly now: number;
  readonly rng: Rng;
  readonly metrics: Metrics;
  send(from: string, to: string, kind: MessageKind, payload: P): number;
  setTimer(node: string, delayMs: number, payload: T): number;
  cancelTimer(id: number): boolean;
  setStatus(id: string, status: Exclude<NodeStatus, "down">): void;
}

/** Anything that tells the virtual time: a Simulation, or a stub in a test. */
export interface VirtualClock {
  readonly now: number;
}
