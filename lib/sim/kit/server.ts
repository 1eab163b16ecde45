import { Fifo } from "../fifo";
import type { Histogram } from "../histogram";
import { sampleLatency, type LatencyDistribution } from "../latency";
import type { SimPort } from "./port";

/** The timer a WorkerPool sets while a job is served; route it back with `finish`. */
export interface Served<J> {
  readonly type: "served";
  readonly job: J;
}

export interface WorkerPoolOptions<J> {
  /** Jobs served at once; Infinity for a server with no concurrency limit. */
  readonly workers: number;
  /** Jobs that may wait for a worker; beyond it a job is rejected. Infinity by default. */
  readonly queueLimit?: number;
  /** How long one job takes, drawn when it starts. */
  readonly serviceTime: LatencyDistribution;
  /** Runs when a job is done, before the next waiting job starts: send the reply here. */
  readonly onDone: (job: J) => void;
  /** Every service time drawn is added here too (one histogram may serve several pools). */
  readonly serviceTimes?: Histogram;
}

/** What happened to an offered job. */
export type Admission = "started" | "queued" | "rejected";

/**
 * The inside of a server: a fixed number of workers, a first-in first-out queue (bounded or
 * not) and a service-time distribution. A job offered to it starts at once if a worker is
 * free, else waits, else (queue full) is rejected; each job that ends frees its worker for
 * the next in line. At every instant busy ≤ workers, queued ≤ queueLimit, and
 *
 *   offered === served + rejected + busy + queued + lost.
 *
 * `stall()` stops it starting work (a stuck dependency, a long GC pause: requests are still
 * accepted and queued; work already started still ends); `crash()` loses everything, and
 * the engine never fires the timers of a crashed node. The scenario adds the node and
 * routes to `finish` the Served timers.
 */
export class WorkerPool<J> {
  private readonly queue = new Fifo<J>();
  private running = 0;
  private isStalled = false;
  private counts = { offered: 0, served: 0, rejected: 0, lost: 0, maxQueued: 0 };
  private readonly queueLimit: number;

  constructor(
    private readonly sim: SimPort<never, Served<J>>,
    private readonly node: string,
    private readonly options: WorkerPoolOptions<J>,
  ) {
    if (!(options.workers >= 1)) throw new RangeError(`workers must be >= 1, got ${options.workers}`);
    this.queueLimit = options.queueLimit ?? Number.POSITIVE_INFINITY;
    if (!(this.queueLimit >= 0)) throw new RangeError(`queueLimit must be >= 0, got ${this.queueLimit}`);
  }

  /** Jobs being served now. */
  get busy(): number {
    return this.running;
  }
  /** Jobs waiting for a worker now. */
  get queued(): number {
    return this.queue.length;
  }
  get stalled(): boolean {
    return this.isStalled;
  }
  get offered(): number {
    return this.counts.offered;
  }
  get served(): number {
    return this.counts.served;
  }
  get rejected(): number {
    return this.counts.rejected;
  }
  /** Jobs lost in crashes (waiting or being served). */
  get lost(): number {
    return this.counts.lost;
  }
  /** The longest the queue has been. */
  get maxQueued(): number {
    return this.counts.maxQueued;
  }

  /** Offers a job: started at once, queued, or rejected when the queue is full. */
  offer(job: J): Admission {
    this.counts.offered++;
    const canStart = !this.isStalled && this.running < this.options.workers;
    // Waiting work starts as soon as a worker is free, so a free worker usually means an
    // empty queue; it can see a queue only while onDone runs (a job that offers another).
    if (canStart && this.queue.length === 0) {
      this.start(job);
      return "started";
    }
    if (!canStart && this.queue.length >= this.queueLimit) {
      this.counts.rejected++;
      return "rejected";
    }
    this.queue.push(job);
    this.startWaiting();
    if (this.queue.length > this.counts.maxQueued) this.counts.maxQueued = this.queue.length;
    return "queued";
  }

  /** A Served timer fired: the worker is free, onDone runs, the next waiting job starts. */
  finish(timer: Served<J>): void {
    this.running--;
    this.counts.served++;
    this.options.onDone(timer.job);
    this.startWaiting();
  }

  stall(): void {
    this.isStalled = true;
  }

  resume(): void {
    this.isStalled = false;
    this.startWaiting();
  }

  /** The node crashed: waiting and running jobs are lost. */
  crash(): void {
    this.counts.lost += this.queue.length + this.running;
    this.queue.clear();
    this.running = 0;
  }

  private startWaiting(): void {
    while (!this.isStalled && this.running < this.options.workers && this.queue.length > 0) {
      const job = this.queue.shift();
      if (job !== undefined) this.start(job);
    }
  }

  private start(job: J): void {
    this.running++;
    const duration = sampleLatency(this.options.serviceTime, this.sim.rng);
    this.options.serviceTimes?.add(duration);
    this.sim.setTimer(this.node, duration, { type: "served", job });
  }
}
