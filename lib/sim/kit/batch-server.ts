import { Fifo } from "../fifo";
import type { Rng } from "../rng";
import type { SimPort } from "./port";

/** The timers a BatchServer sets: a batch finished, or the oldest waiting job has waited long enough. */
export type BatchTimer<J> =
  | { readonly type: "batch-done"; readonly jobs: readonly J[] }
  | { readonly type: "batch-linger"; readonly generation: number };

export interface BatchServerOptions<J> {
  /** Most jobs served together; 1 serves one job at a time (no batching). */
  readonly maxBatch: number;
  /** Longest the oldest waiting job waits for a batch to fill while the server is idle; 0 starts at once. */
  readonly maxWaitMs: number;
  /** How long a batch of `size` jobs takes, drawn when it starts (one draw per batch). */
  readonly serviceTime: (size: number, rng: Rng) => number;
  /** Runs when a batch is done, before the next one starts: answer each job here. */
  readonly onDone: (jobs: readonly J[]) => void;
}

/**
 * One worker that serves waiting jobs in batches, with the two caps every batcher needs: a
 * batch starts when `maxBatch` jobs wait, or when the oldest has waited `maxWaitMs`, and
 * only while the worker is free. Jobs start in arrival order. With maxBatch 1 it is a plain
 * single-worker FIFO server. `stall()` stops it starting batches (a pause: jobs are still
 * accepted and wait), `resume()` lets it go on. At every instant
 *
 *   offered === served + inService + queued,   inService ≤ maxBatch.
 *
 * The scenario adds the node and routes the BatchTimer timers to `onTimer`.
 */
export class BatchServer<J> {
  private readonly queue = new Fifo<{ readonly job: J; readonly at: number }>();
  private serving = 0;
  private isStalled = false;
  private lingerGeneration = 0;
  private lingerPending = false;
  private counts = { offered: 0, served: 0, batches: 0, busyMs: 0 };
  private busySince = 0;

  constructor(
    private readonly sim: SimPort<never, BatchTimer<J>>,
    private readonly node: string,
    private readonly options: BatchServerOptions<J>,
  ) {
    if (!(Number.isInteger(options.maxBatch) && options.maxBatch >= 1)) throw new RangeError(`maxBatch must be an integer >= 1, got ${options.maxBatch}`);
    if (!(options.maxWaitMs >= 0)) throw new RangeError(`maxWaitMs must be >= 0, got ${options.maxWaitMs}`);
  }

  /** Jobs waiting for a batch now. */
  get queued(): number {
    return this.queue.length;
  }
  /** Jobs in the batch being served now (0 when idle). */
  get inService(): number {
    return this.serving;
  }
  /** Jobs in the server: waiting plus being served. */
  get inSystem(): number {
    return this.queue.length + this.serving;
  }
  get offered(): number {
    return this.counts.offered;
  }
  get served(): number {
    return this.counts.served;
  }
  get batches(): number {
    return this.counts.batches;
  }
  /** Virtual time the worker has spent serving batches, up to now. */
  busyMs(): number {
    return this.counts.busyMs + (this.serving > 0 ? this.sim.now - this.busySince : 0);
  }

  offer(job: J): void {
    this.counts.offered++;
    this.queue.push({ job, at: this.sim.now });
    this.tryStart();
  }

  onTimer(timer: BatchTimer<J>): void {
    if (timer.type === "batch-done") {
      this.counts.served += timer.jobs.length;
      this.counts.busyMs += this.sim.now - this.busySince;
      this.serving = 0;
      this.options.onDone(timer.jobs);
    } else {
      // A linger timer of an earlier wait (that batch has started since) changes nothing.
      if (timer.generation !== this.lingerGeneration) return;
      this.lingerPending = false;
      this.tryStart(true);
      return;
    }
    this.tryStart();
  }

  stall(): void {
    this.isStalled = true;
  }

  resume(): void {
    this.isStalled = false;
    this.tryStart();
  }

  /** Starts a batch if the worker is free and the batch is full or has waited long enough (`waitedEnough`: its timer fired). */
  private tryStart(waitedEnough = false): void {
    if (this.isStalled || this.serving > 0) return;
    const oldest = this.queue.peek();
    if (oldest === undefined) return;
    const waited = this.sim.now - oldest.at;
    if (!waitedEnough && this.queue.length < this.options.maxBatch && waited < this.options.maxWaitMs) {
      if (!this.lingerPending) {
        this.lingerPending = true;
        this.sim.setTimer(this.node, this.options.maxWaitMs - waited, { type: "batch-linger", generation: this.lingerGeneration });
      }
      return;
    }
    this.lingerGeneration++;
    this.lingerPending = false;
    const jobs: J[] = [];
    while (jobs.length < this.options.maxBatch) {
      const next = this.queue.shift();
      if (next === undefined) break;
      jobs.push(next.job);
    }
    this.serving = jobs.length;
    this.busySince = this.sim.now;
    this.counts.batches++;
    this.sim.setTimer(this.node, this.options.serviceTime(jobs.length, this.sim.rng), { type: "batch-done", jobs });
  }
}
