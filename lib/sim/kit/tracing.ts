import type { Rng } from "../rng";

/**
 * Distributed traces and the sampler that decides which ones are stored. A trace starts at
 * its root span (the first service that saw no trace context) and ends when the root span
 * ends; the spans of the services it passed through count toward it.
 *
 * Samplers:
 * - head: the decision is made when the trace starts, keeping `rate` of all traces, before
 *   anyone knows whether this one will be slow or fail;
 * - tail: the decision is made when the trace ends, keeping every trace slower than
 *   `slowerThanMs` or failed, and `rest` of the others.
 *
 * Each trace draws one number from the tracer's rng when it starts, whichever sampler is
 * used, so switching samplers never changes anything else in a run.
 */
export type Sampler =
  | { readonly kind: "head"; readonly rate: number }
  | { readonly kind: "tail"; readonly slowerThanMs: number; readonly rest: number };

export interface Trace {
  readonly id: number;
  /** The service whose span is the root. */
  readonly root: string;
  readonly startedAt: number;
  /** Marked by the caller: this trace is half of a request whose context was dropped. */
  readonly split: boolean;
  spans: number;
  endedAt: number | null;
  failed: boolean;
  /** Whether the sampler stored it; null until it ends. */
  kept: boolean | null;
  readonly coin: number;
}

/** What a sampler produced and kept, for one class of traces. */
export interface TraceCounts {
  produced: number;
  kept: number;
}

export class Tracer {
  /** Every trace that has ended. */
  readonly all: TraceCounts = { produced: 0, kept: 0 };
  /** Ended traces slower than `slowMs`. */
  readonly slow: TraceCounts = { produced: 0, kept: 0 };
  /** Ended traces that are half of a split request. */
  readonly split: TraceCounts = { produced: 0, kept: 0 };
  private nextId = 1;
  private started = 0;

  constructor(
    private readonly clock: { readonly now: number },
    private readonly rng: Rng,
    private readonly sampler: Sampler,
    /** What counts as slow in `slow` (usually the tail sampler's threshold). */
    readonly slowMs: number,
  ) {}

  /** Traces started so far, ended or not. */
  get startedCount(): number {
    return this.started;
  }

  start(root: string, split = false): Trace {
    this.started++;
    return { id: this.nextId++, root, startedAt: this.clock.now, split, spans: 1, endedAt: null, failed: false, kept: null, coin: this.rng.float() };
  }

  /** One more service recorded a span in this trace. */
  span(trace: Trace): void {
    trace.spans++;
  }

  /** The root span ended: the trace is complete and the sampler decides. Returns whether it was kept. */
  end(trace: Trace, failed = false): boolean {
    if (trace.endedAt !== null) return trace.kept === true;
    trace.endedAt = this.clock.now;
    trace.failed = failed;
    const duration = trace.endedAt - trace.startedAt;
    const s = this.sampler;
    const kept = s.kind === "head" ? trace.coin < s.rate : failed || duration > s.slowerThanMs || trace.coin < s.rest;
    trace.kept = kept;
    count(this.all, kept);
    if (duration > this.slowMs) count(this.slow, kept);
    if (trace.split) count(this.split, kept);
    return kept;
  }
}

function count(counts: TraceCounts, kept: boolean): void {
  counts.produced++;
  if (kept) counts.kept++;
}
