/** Vocabulary shared by the engine, scenarios and snapshots. */

/**
 * What a message is, for drawing it: a renderer picks a colour or shape per kind.
 * `hedge` is a duplicate request sent to cut tail latency; `probe` a health check;
 * `control` anything else a system says about itself (resolve, pull, hello).
 */
export type MessageKind = "request" | "response" | "error" | "retry" | "hedge" | "replication" | "probe" | "control";

/** Why a message did not arrive. */
export type DropReason = "loss" | "partition" | "node-down";

/**
 * A node's state as drawn. Only `down` changes behaviour (the engine drops messages to a
 * down node and its timers do not fire); the others are labels a scenario sets.
 */
export type NodeStatus = "up" | "down" | "degraded" | "open-circuit" | "half-open";

export interface Message<P> {
  readonly id: number;
  readonly from: string;
  readonly to: string;
  readonly kind: MessageKind;
  readonly payload: P;
  readonly sentAt: number;
  readonly arrivesAt: number;
}

export interface Timer<T> {
  readonly id: number;
  readonly node: string;
  /** Virtual time at which it fires. */
  readonly at: number;
  readonly payload: T;
}

/** A small number shown on a node (queue length, busy workers, in flight). */
export interface NodeGauge {
  readonly label: string;
  readonly value: number;
}

/**
 * Where every message sent so far is. The engine keeps
 * sent === delivered + dropped.total + inFlight at every instant.
 */
export interface MessageCounts {
  readonly sent: number;
  readonly delivered: number;
  readonly inFlight: number;
  readonly dropped: {
    readonly loss: number;
    readonly partition: number;
    readonly nodeDown: number;
    readonly total: number;
  };
}
