import { Clock, type ClockSpec } from "./clock";
import type { EventLogEntry } from "./event-log";
import { EventQueue } from "./event-queue";
import { sampleLatency } from "./latency";
import { Metrics } from "./metrics";
import { DEFAULT_LINK, Network, type LinkSpec } from "./network";
import { Rng } from "./rng";
import type { DropReason, Message, MessageCounts, MessageKind, NodeGauge, NodeStatus, Timer } from "./types";

/**
 * The discrete-event simulation engine.
 *
 * Virtual time is a number of milliseconds that only moves when the engine takes the next
 * event off its queue; nothing happens between events. Three things are queued: message
 * arrivals, node timers and scheduled actions (scenario scripts such as "crash B at 5 s").
 * A node is a set of handlers; handlers send messages and set timers, which queue more
 * events. All randomness comes from `rng`, so a seed fixes the whole run.
 *
 * P is the payload type of the scenario's messages, T of its timers.
 */

export interface NodeSpec<P, T> {
  readonly id: string;
  readonly label?: string;
  /** What the node is, for the renderer's legend: "client", "server", "replica"... */
  readonly role: string;
  /** Layout hint in [0, 1] × [0, 1]; (0, 0) is top left. */
  readonly x: number;
  readonly y: number;
  readonly clock?: ClockSpec;
  readonly onMessage?: (message: Message<P>) => void;
  readonly onTimer?: (timer: Timer<T>) => void;
  /** Called after a crash, to drop the node's volatile state. */
  readonly onCrash?: () => void;
  readonly onRecover?: () => void;
  /** Small numbers to draw on the node, read when a snapshot is taken. */
  readonly gauges?: () => readonly NodeGauge[];
}

export interface NodeView {
  readonly id: string;
  readonly label: string;
  readonly role: string;
  readonly x: number;
  readonly y: number;
  readonly status: NodeStatus;
  readonly gauges: readonly NodeGauge[];
}

export interface SimulationOptions {
  readonly seed: number;
  /** Keep an entry per event (for determinism tests and debugging); off by default. */
  readonly recordLog?: boolean;
  readonly defaultLink?: LinkSpec;
}

interface NodeRecord<P, T> {
  readonly spec: NodeSpec<P, T>;
  /** Replaced by setClock (an NTP step); everything else reads it afresh each time. */
  clock: Clock;
  status: NodeStatus;
  /** Bumped on every crash, so timers set before the crash never fire after it. */
  incarnation: number;
  /** Latest arrival time per destination, for links that deliver in order. */
  readonly lastArrivalTo: Map<string, number>;
}

const MESSAGE = 0;
const TIMER = 1;
const ACTION = 2;

interface QueuedMessage<P, T> extends Message<P> {
  readonly type: typeof MESSAGE;
  at: number;
  seq: number;
  /** Resolved when sent, so arrival needs no lookup. */
  readonly receiver: NodeRecord<P, T>;
  /** Decided when sent; the message still travels and is dropped on arrival. */
  readonly lost: boolean;
}

interface QueuedTimer<P, T> extends Timer<T> {
  readonly type: typeof TIMER;
  at: number;
  seq: number;
  readonly owner: NodeRecord<P, T>;
  readonly incarnation: number;
  cancelled: boolean;
}

interface QueuedAction {
  readonly type: typeof ACTION;
  at: number;
  seq: number;
  readonly label: string;
  readonly run: () => void;
}

type QueuedEvent<P, T> = QueuedMessage<P, T> | QueuedTimer<P, T> | QueuedAction;

export class Simulation<P = unknown, T = unknown> {
  readonly rng: Rng;
  readonly network: Network;
  readonly metrics = new Metrics();

  private time = 0;
  private processed = 0;
  private readonly queue = new EventQueue<QueuedEvent<P, T>>();
  private readonly nodeRecords = new Map<string, NodeRecord<P, T>>();
  private readonly pendingTimers = new Map<number, QueuedTimer<P, T>>();
  private readonly logEntries: EventLogEntry[] | null;
  private nextMessageId = 1;
  private nextTimerId = 1;

  // Message accounting, kept as plain fields because they change on every event.
  private sent = 0;
  private delivered = 0;
  private inFlight = 0;
  private droppedLoss = 0;
  private droppedPartition = 0;
  private droppedNodeDown = 0;

  constructor(options: SimulationOptions) {
    this.rng = new Rng(options.seed);
    this.network = new Network(options.defaultLink ?? DEFAULT_LINK);
    this.logEntries = options.recordLog === true ? [] : null;
  }

  /** Current virtual time in milliseconds. */
  get now(): number {
    return this.time;
  }

  /** Events handled so far (message arrivals, timers that fired, actions). */
  get eventsProcessed(): number {
    return this.processed;
  }

  // ---- nodes -------------------------------------------------------------------------

  addNode(spec: NodeSpec<P, T>): void {
    if (this.nodeRecords.has(spec.id)) throw new Error(`duplicate node id ${spec.id}`);
    if (spec.id.includes(" ")) throw new Error(`node id must not contain spaces: "${spec.id}"`);
    this.nodeRecords.set(spec.id, { spec, clock: new Clock(spec.clock), status: "up", incarnation: 0, lastArrivalTo: new Map() });
  }

  isUp(id: string): boolean {
    return this.record(id).status !== "down";
  }

  status(id: string): NodeStatus {
    return this.record(id).status;
  }

  /** Sets a display status on a live node; use crash() and recover() for down and up again. */
  setStatus(id: string, status: Exclude<NodeStatus, "down">): void {
    const node = this.record(id);
    if (node.status !== "down") node.status = status;
  }

  /**
   * Crashes a node: messages arriving at it are dropped, its pending timers never fire,
   * and onCrash lets the scenario forget the node's volatile state.
   */
  crash(id: string): void {
    const node = this.record(id);
    if (node.status === "down") return;
    node.status = "down";
    node.incarnation++;
    this.logEntries?.push({ t: this.time, event: "crash", node: id });
    node.spec.onCrash?.();
  }

  recover(id: string): void {
    const node = this.record(id);
    if (node.status !== "down") return;
    node.status = "up";
    this.logEntries?.push({ t: this.time, event: "recover", node: id });
    node.spec.onRecover?.();
  }

  /** The time node `id` reads on its own (skewed, drifting) clock right now. */
  localTime(id: string): number {
    return this.record(id).clock.toLocal(this.time);
  }

  clockOf(id: string): Clock {
    return this.record(id).clock;
  }

  /**
   * Replaces node `id`'s clock from now on, as an NTP step does: its localTime jumps, while
   * true time, timers and messages in flight (all kept in virtual time) are untouched.
   */
  setClock(id: string, spec: ClockSpec): void {
    this.record(id).clock = new Clock(spec);
  }

  nodeViews(): NodeView[] {
    const views: NodeView[] = [];
    for (const { spec, status } of this.nodeRecords.values()) {
      views.push({
        id: spec.id,
        label: spec.label ?? spec.id,
        role: spec.role,
        x: spec.x,
        y: spec.y,
        status,
        gauges: spec.gauges?.() ?? [],
      });
    }
    return views;
  }

  // ---- network -----------------------------------------------------------------------

  /**
   * Sends a message. It is counted as sent at once and then is exactly one of: dropped
   * now (sender down, or a partition between the two), in flight, and later delivered or
   * dropped on arrival (lost on the link, a partition opened meanwhile, receiver down).
   * Returns the message id.
   */
  send(from: string, to: string, kind: MessageKind, payload: P): number {
    const sender = this.record(from);
    const receiver = this.record(to);
    const id = this.nextMessageId++;
    this.sent++;
    const log = this.logEntries;
    if (log !== null) log.push({ t: this.time, event: "send", id, from, to, kind });
    if (sender.status === "down") {
      this.droppedNodeDown++;
      if (log !== null) log.push({ t: this.time, event: "drop", id, from, to, kind, reason: "node-down" });
      return id;
    }
    if (this.network.isCut(from, to)) {
      this.droppedPartition++;
      if (log !== null) log.push({ t: this.time, event: "drop", id, from, to, kind, reason: "partition" });
      return id;
    }
    const link = this.network.linkFor(from, to);
    let arrivesAt = this.time + sampleLatency(link.latency, this.rng);
    if (link.fifo === true) {
      arrivesAt = Math.max(arrivesAt, sender.lastArrivalTo.get(to) ?? 0);
      sender.lastArrivalTo.set(to, arrivesAt);
    }
    const lost = link.loss > 0 && this.rng.bernoulli(link.loss);
    this.inFlight++;
    this.queue.push({ type: MESSAGE, at: arrivesAt, seq: 0, id, from, to, kind, payload, sentAt: this.time, arrivesAt, lost, receiver });
    return id;
  }

  partition(sideA: readonly string[], sideB: readonly string[]): number {
    for (const id of [...sideA, ...sideB]) this.record(id);
    const id = this.network.partition(sideA, sideB);
    this.logEntries?.push({ t: this.time, event: "partition", id });
    return id;
  }

  heal(partitionId: number): boolean {
    const healed = this.network.heal(partitionId);
    if (healed) this.logEntries?.push({ t: this.time, event: "heal", id: partitionId });
    return healed;
  }

  messageCounts(): MessageCounts {
    return {
      sent: this.sent,
      delivered: this.delivered,
      inFlight: this.inFlight,
      dropped: {
        loss: this.droppedLoss,
        partition: this.droppedPartition,
        nodeDown: this.droppedNodeDown,
        total: this.droppedLoss + this.droppedPartition + this.droppedNodeDown,
      },
    };
  }

  /** Messages on the wire now, in no particular order. */
  inFlightMessages(): Message<P>[] {
    const out: Message<P>[] = [];
    for (const event of this.queue.items()) if (event.type === MESSAGE) out.push(event);
    return out;
  }

  // ---- time --------------------------------------------------------------------------

  /**
   * Sets a timer on a node, delayMs of virtual time from now. It fires (calling the
   * node's onTimer) unless cancelled or the node crashes first. Returns its id.
   */
  setTimer(node: string, delayMs: number, payload: T): number {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs)) throw new RangeError(`timer delay must be >= 0, got ${delayMs}`);
    const owner = this.record(node);
    const id = this.nextTimerId++;
    const timer: QueuedTimer<P, T> = {
      type: TIMER,
      at: this.time + delayMs,
      seq: 0,
      id,
      node,
      payload,
      owner,
      incarnation: owner.incarnation,
      cancelled: false,
    };
    this.pendingTimers.set(id, timer);
    this.queue.push(timer);
    return id;
  }

  /** Cancels a pending timer; false if it already fired, was cancelled or never existed. */
  cancelTimer(id: number): boolean {
    const timer = this.pendingTimers.get(id);
    if (timer === undefined) return false;
    timer.cancelled = true;
    this.pendingTimers.delete(id);
    return true;
  }

  /** Schedules a scenario action (a script step, not a node's behaviour) at virtual time `at`. */
  schedule(at: number, label: string, run: () => void): void {
    if (!(at >= this.time)) throw new RangeError(`cannot schedule at ${at}, before now (${this.time})`);
    this.queue.push({ type: ACTION, at, seq: 0, label, run });
  }

  /** Time of the next event that will actually happen, or null if none is queued. */
  nextEventTime(): number | null {
    this.discardDeadTimers();
    return this.queue.peek()?.at ?? null;
  }

  /** Handles the next event; false if the queue is empty. */
  step(): boolean {
    this.discardDeadTimers();
    const event = this.queue.pop();
    if (event === undefined) return false;
    this.dispatch(event);
    return true;
  }

  /** Handles every event due at or before t, then moves the clock to t. */
  runUntil(t: number): void {
    for (;;) {
      this.discardDeadTimers();
      const next = this.queue.peek();
      if (next === undefined || next.at > t) break;
      this.queue.pop();
      this.dispatch(next);
    }
    if (t > this.time) this.time = t;
  }

  eventLog(): readonly EventLogEntry[] | null {
    return this.logEntries;
  }

  // ---- internals ---------------------------------------------------------------------

  private record(id: string): NodeRecord<P, T> {
    const node = this.nodeRecords.get(id);
    if (node === undefined) throw new Error(`unknown node ${id}`);
    return node;
  }

  private dispatch(event: QueuedEvent<P, T>): void {
    this.time = event.at;
    this.processed++;
    switch (event.type) {
      case MESSAGE:
        this.arrive(event);
        break;
      case TIMER:
        this.fire(event);
        break;
      case ACTION:
        this.logEntries?.push({ t: this.time, event: "action", label: event.label });
        event.run();
        break;
    }
  }

  /** Pops cancelled timers and timers of crashed incarnations off the top of the queue. */
  private discardDeadTimers(): void {
    for (;;) {
      const top = this.queue.peek();
      if (top === undefined || top.type !== TIMER) return;
      if (!top.cancelled && top.owner.incarnation === top.incarnation && top.owner.status !== "down") return;
      this.queue.pop();
      this.pendingTimers.delete(top.id);
    }
  }

  private arrive(message: QueuedMessage<P, T>): void {
    this.inFlight--;
    let reason: DropReason | null = null;
    const receiver = message.receiver;
    if (message.lost) reason = "loss";
    else if (this.network.isCut(message.from, message.to)) reason = "partition";
    else if (receiver.status === "down") reason = "node-down";
    if (reason !== null) {
      if (reason === "loss") this.droppedLoss++;
      else if (reason === "partition") this.droppedPartition++;
      else this.droppedNodeDown++;
      this.logEntries?.push({ t: this.time, event: "drop", id: message.id, from: message.from, to: message.to, kind: message.kind, reason });
      return;
    }
    this.delivered++;
    this.logEntries?.push({ t: this.time, event: "deliver", id: message.id, from: message.from, to: message.to, kind: message.kind });
    receiver.spec.onMessage?.(message);
  }

  private fire(timer: QueuedTimer<P, T>): void {
    this.pendingTimers.delete(timer.id);
    this.logEntries?.push({ t: this.time, event: "timer", id: timer.id, node: timer.node });
    timer.owner.spec.onTimer?.(timer);
  }
}
