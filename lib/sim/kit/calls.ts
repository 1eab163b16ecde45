import type { SimPort } from "./port";

/** The timer a PendingCalls sets for each call; route it back with `expire`. */
export interface CallTimeout {
  readonly type: "call-timeout";
  readonly call: number;
}

/**
 * The calls one node has sent and is still waiting on, each with a timeout: a thread pool's
 * blocked threads, a client's outstanding attempts. `open` starts the wait and returns the
 * call id the request must carry; the reply carries it back to `settle`; if the timeout
 * fires first, `expire` hands the call over and a later reply finds nothing (it is late).
 * Every call therefore ends exactly once, answered or expired.
 *
 * C is what the caller wants back when the call ends (a request id, a client to answer).
 */
export class PendingCalls<C> {
  private readonly waiting = new Map<number, { readonly context: C; readonly timer: number }>();
  private nextCall = 1;

  constructor(
    private readonly sim: SimPort<never, CallTimeout>,
    private readonly node: string,
    private readonly timeoutMs: number,
  ) {}

  /** Calls waiting for a reply now. */
  get size(): number {
    return this.waiting.size;
  }

  /** Starts waiting for a reply and sets the timeout; returns the call id to send. */
  open(context: C): number {
    const call = this.nextCall++;
    const timer = this.sim.setTimer(this.node, this.timeoutMs, { type: "call-timeout", call });
    this.waiting.set(call, { context, timer });
    return call;
  }

  /** A reply to `call` arrived: its context, or undefined if the call had already ended (a late reply). */
  settle(call: number): C | undefined {
    const entry = this.waiting.get(call);
    if (entry === undefined) return undefined;
    this.waiting.delete(call);
    this.sim.cancelTimer(entry.timer);
    return entry.context;
  }

  /** The timeout fired: the call's context, or undefined if it had been answered meanwhile. */
  expire(timeout: CallTimeout): C | undefined {
    const entry = this.waiting.get(timeout.call);
    if (entry === undefined) return undefined;
    this.waiting.delete(timeout.call);
    return entry.context;
  }
}
