import { Simulation } from "../engine";
import { Fifo } from "../fifo";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import {
  Arrivals, chart, describeSeconds, headline, param, PendingCalls, poisson, RequestLedger, scenarioInstance, share, Timeline, WorkerPool,
  type ArrivalTimer, type CallTimeout, type Served,
} from "../kit";

/**
 * Lesson 2 (communication-patterns): client → A → B, and B goes down for a while.
 *
 * Synchronous: A calls B and waits, with a timeout, on one of a fixed number of threads.
 * While B is down every call waits out its timeout, A's threads fill up, and A starts
 * refusing work: the outage cascades to the client as errors.
 *
 * Queue: A puts the work on a durable queue and acknowledges at once. B consumes with a
 * prefetch of two; while B is down the backlog grows, and when it is back the backlog
 * drains at B's spare capacity (capacity − arrival rate). If arrivals exceed capacity
 * the backlog never drains: a queue absorbs bursts, not sustained overload.
 *
 * The broker learns that B restarted when B reconnects (its "hello"), and puts the work it
 * had handed to B and never got acknowledged back at the head of the queue, as AMQP
 * brokers do when a consumer's connection closes.
 */

const DURATION_MS = 30_000;
const LINK = { latency: Latency.uniform(1, 3), loss: 0 };
const PREFETCH = 2;
/** The backlog counts as drained once it is no deeper than the consumer's prefetch. */
const DRAINED_DEPTH = PREFETCH;
const CHART_BUCKET_MS = 500;

/** `id` is the client's request; `call` is A's call to B (synchronous mode only). */
type ChainMessage =
  | { readonly op: "call" | "ok" | "error" | "enqueue" | "deliver" | "ack"; readonly id: number; readonly call?: number }
  | { readonly op: "hello" };

/** Work for B: which request, and whom to tell when it is done (A, or the queue). */
interface Job {
  readonly id: number;
  readonly replyTo: string;
  readonly call?: number;
}

type ChainTimer = ArrivalTimer | CallTimeout | Served<Job>;

export type SyncVsQueueMetrics = {
  readonly requests: number;
  readonly clientErrors: number;
  readonly clientErrorPercent: number;
  /** Requests whose work B finished (each counted once). */
  readonly completed: number;
  /** From the client's send to B finishing the work. */
  readonly completionP50Ms: number | null;
  readonly completionP99Ms: number | null;
  readonly maxQueueDepth: number;
  readonly queueDepthAtOutageEnd: number;
  readonly finalQueueDepth: number;
  /** Time from B's return until the backlog was down to the prefetch; null if it never was (or no queue). */
  readonly drainedAfterMs: number | null;
  /** Peak number of A's threads blocked on B at once. */
  readonly maxThreadsBusy: number;
};

export const syncVsQueue = defineScenario({
  id: "sync-vs-queue",
  title: "A synchronous chain versus a queue, while a dependency is down",
  lesson: "communication-patterns",
  description:
    "Service A needs service B, and B goes down for a few seconds. Called synchronously, B's " +
    "outage becomes A's outage: threads block on timeouts and the client sees errors. Put a " +
    "queue between them and the client sees none; watch the backlog grow and drain, and see " +
    "what happens when arrivals exceed B's capacity.",
  params: [
    param.choice(
      "mode",
      "A talks to B",
      [
        ["sync", "Synchronously (call and wait)"],
        ["queue", "Through a queue"],
      ],
      "sync",
      "Call B and wait for the answer, or enqueue the work for B and acknowledge at once.",
    ),
    param.number("arrivalRate", "Arrival rate", { min: 5, max: 200, step: 5, default: 50, unit: "req/s" }, "Requests per second from clients (random arrivals)."),
    param.number("capacity", "B's capacity", { min: 5, max: 200, step: 5, default: 80, unit: "req/s" }, "How many requests per second B can finish; above the arrival rate, a backlog drains."),
    param.number("outageStartS", "B goes down at", { min: 0, max: 20, step: 1, default: 5, unit: "s" }, "When B's outage begins."),
    param.number("outageLengthS", "Outage length", { min: 0, max: 10, step: 0.5, default: 5, unit: "s" }, "How long B stays down."),
    param.number("timeoutMs", "A's timeout on B", { min: 50, max: 5000, step: 50, default: 1000, unit: "ms" }, "Synchronous mode: how long A waits for B before failing the client's request."),
    param.number("threads", "A's threads", { min: 1, max: 200, step: 1, default: 20 }, "Synchronous mode: calls A can have waiting on B at once; beyond that A refuses work."),
  ],
  presets: [
    { id: "naive", label: "Synchronous chain", description: "A calls B and waits; B's outage reaches the client.", params: { mode: "sync" } },
    { id: "queue", label: "Queue between A and B", description: "A enqueues and acknowledges; the backlog drains after B returns.", params: { mode: "queue" } },
    { id: "overload", label: "Queue under sustained overload", description: "Arrivals above B's capacity: the backlog never drains.", params: { mode: "queue", arrivalRate: 100, capacity: 80 } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<SyncVsQueueMetrics> {
    const sim = new Simulation<ChainMessage, ChainTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const queued = p.mode === "queue";
    const outageStart = p.outageStartS * 1000;
    const outageEnd = outageStart + p.outageLengthS * 1000;

    // What the clients see (an answer from A), and when B has actually done the work: in
    // queue mode the client's ok comes long before the work is done.
    const requests = new RequestLedger(sim, { bucketMs: CHART_BUCKET_MS });
    const work = new RequestLedger(sim, { bucketMs: CHART_BUCKET_MS, name: "work" });
    const depthSeries = sim.metrics.gauge("queue depth", CHART_BUCKET_MS);
    const threadSeries = sim.metrics.gauge("threads busy", CHART_BUCKET_MS);
    let maxDepth = 0;
    let depthAtOutageEnd = 0;
    let drainedAt: number | null = null;
    let maxThreads = 0;

    // ---- client: open-loop random arrivals, each one request to A ----------------------
    const arrivals = new Arrivals(sim, "client", poisson(p.arrivalRate));
    sim.addNode({
      id: "client",
      label: "Clients",
      role: "client",
      x: 0.08,
      y: 0.5,
      onTimer: () => {
        const id = requests.start();
        work.start();
        sim.send("client", "a", "request", { op: "call", id });
        arrivals.next();
      },
      onMessage: (message) => {
        const m = message.payload;
        if (m.op === "ok") {
          requests.succeed(m.id);
          if (!queued) work.succeed(m.id);
        } else if (m.op === "error") {
          requests.fail(m.id);
        }
      },
    });

    // ---- A: synchronous caller with a thread pool, or producer to the queue ------------
    // In synchronous mode each call to B holds one of A's threads until B answers or the
    // timeout fires; with every thread held, A refuses new work at once.
    const callsToB = new PendingCalls<number>(sim, "a", p.timeoutMs);
    const setThreads = (): void => {
      maxThreads = Math.max(maxThreads, callsToB.size);
      threadSeries.set(sim.now, callsToB.size);
    };
    sim.addNode({
      id: "a",
      label: "Service A",
      role: "service",
      x: 0.35,
      y: 0.5,
      gauges: () => (queued ? [] : [{ label: "threads busy", value: callsToB.size }]),
      onMessage: (message) => {
        const m = message.payload;
        if (m.op === "call") {
          if (queued) {
            sim.send("a", "queue", "request", { op: "enqueue", id: m.id });
            sim.send("a", "client", "response", { op: "ok", id: m.id });
          } else if (callsToB.size >= p.threads) {
            sim.send("a", "client", "error", { op: "error", id: m.id }); // no thread free
          } else {
            const call = callsToB.open(m.id);
            setThreads();
            sim.send("a", "b", "request", { op: "call", id: m.id, call });
          }
        } else if (m.op === "ok" && m.call !== undefined) {
          const id = callsToB.settle(m.call);
          if (id === undefined) return; // B answered after A gave up
          setThreads();
          sim.send("a", "client", "response", { op: "ok", id });
        }
      },
      onTimer: (timer) => {
        if (timer.payload.type !== "call-timeout") return;
        const id = callsToB.expire(timer.payload);
        if (id === undefined) return;
        setThreads();
        sim.send("a", "client", "error", { op: "error", id });
      },
    });

    // ---- the queue (broker): hands B at most PREFETCH unacknowledged jobs ------------------
    const backlog = new Fifo<Job>();
    let handedToB: Job[] = [];
    const depth = (): number => backlog.length + handedToB.length;
    const recordDepth = (): void => {
      const d = depth();
      maxDepth = Math.max(maxDepth, d);
      depthSeries.set(sim.now, d);
      if (drainedAt === null && sim.now >= outageEnd && d <= DRAINED_DEPTH) drainedAt = sim.now;
    };
    if (queued) {
      sim.addNode({
        id: "queue",
        label: "Queue",
        role: "queue",
        x: 0.6,
        y: 0.5,
        gauges: () => [{ label: "depth", value: depth() }],
        onMessage: (message) => {
          const m = message.payload;
          if (m.op === "enqueue") {
            backlog.push({ id: m.id, replyTo: "queue" });
          } else if (m.op === "ack") {
            handedToB = handedToB.filter((job) => job.id !== m.id);
          } else if (m.op === "hello") {
            // B (re)connected: whatever it held unacknowledged died with it.
            backlog.pushFront(handedToB);
            handedToB = [];
          }
          while (handedToB.length < PREFETCH) {
            const job = backlog.shift();
            if (job === undefined) break;
            handedToB.push(job);
            sim.send("queue", "b", "request", { op: "deliver", id: job.id });
          }
          recordDepth();
        },
      });
    }

    // ---- B: one worker, exponential service times; a crash loses what it held ------------
    const b = new WorkerPool<Job>(sim, "b", {
      workers: 1,
      serviceTime: Latency.exponential(1000 / p.capacity),
      onDone: (job) => {
        if (queued) {
          work.succeed(job.id); // redelivered work finished twice counts once
          sim.send("b", "queue", "response", { op: "ack", id: job.id });
        } else {
          sim.send("b", job.replyTo, "response", { op: "ok", id: job.id, call: job.call });
        }
      },
    });
    sim.addNode({
      id: "b",
      label: "Service B",
      role: "service",
      x: queued ? 0.85 : 0.7,
      y: 0.5,
      gauges: () => [{ label: "waiting", value: b.queued }],
      onMessage: (message) => {
        const m = message.payload;
        if (m.op !== "hello") b.offer({ id: m.id, replyTo: message.from, call: m.call });
      },
      onTimer: (timer) => {
        if (timer.payload.type === "served") b.finish(timer.payload);
      },
      onCrash: () => b.crash(),
      onRecover: () => {
        if (queued) sim.send("b", "queue", "control", { op: "hello" });
      },
    });

    sim.network.connect("client", "a");
    if (queued) {
      sim.network.connect("a", "queue");
      sim.network.connect("queue", "b");
      sim.send("b", "queue", "control", { op: "hello" });
    } else {
      sim.network.connect("a", "b");
    }

    if (p.outageLengthS > 0) {
      timeline.window(
        outageStart,
        outageEnd,
        { label: "B goes down", run: () => sim.crash("b") },
        {
          label: "B is back",
          run: () => {
            sim.recover("b");
            depthAtOutageEnd = depth();
            recordDepth();
          },
        },
      );
    } else {
      sim.schedule(outageEnd, "no outage", () => recordDepth());
    }
    arrivals.next();

    const measure = (): SyncVsQueueMetrics => ({
      requests: requests.started,
      clientErrors: requests.failures,
      clientErrorPercent: requests.failurePercent(),
      completed: work.ok,
      completionP50Ms: work.latency.percentile(50),
      completionP99Ms: work.latency.percentile(99),
      maxQueueDepth: maxDepth,
      queueDepthAtOutageEnd: depthAtOutageEnd,
      finalQueueDepth: depth(),
      drainedAfterMs: queued && drainedAt !== null ? drainedAt - outageEnd : null,
      maxThreadsBusy: maxThreads,
    });

    return scenarioInstance({
      sim, timeline, measure,
      charts: () => [
        ...chart("Client outcomes", "req/s", [
          ["ok", "successes", requests.okRate.points(sim.now)],
          ["errors", "errors", requests.failureRate.points(sim.now)],
        ]),
        ...(queued
          ? chart("Waiting work", "messages", [["depth", "queue depth", depthSeries.points(sim.now)]])
          : chart("Waiting work", "threads", [["threads", "A's threads blocked on B", threadSeries.points(sim.now)]])),
        ...chart("Time to finish the work", "ms", [["completion-p99", "p99", work.latencyOverTime.points(sim.now, 99)]]),
      ],
      headline: (m) => [
        headline.percent("client-errors", "Client-visible errors", m.clientErrorPercent),
        headline.ms("completion-p50", "Time to finish, p50", m.completionP50Ms),
        headline.ms("completion-p99", "Time to finish, p99", m.completionP99Ms),
        queued
          ? headline.count("max-depth", "Deepest backlog", m.maxQueueDepth, "messages")
          : headline.count("max-threads", "Most threads blocked", m.maxThreadsBusy, "threads"),
        ...(queued ? [headline.seconds("drained", "Backlog drained after B returned", m.drainedAfterMs)] : []),
      ],
      summary: (m) => {
        const outage = p.outageLengthS > 0 ? `B was down from ${p.outageStartS} s to ${outageEnd / 1000} s. ` : "";
        const errors = `${share(m.clientErrors, m.requests, "client requests", "failed")}.`;
        if (!queued) return `${outage}Synchronous chain: ${errors} At most ${m.maxThreadsBusy} of A's ${p.threads} threads were blocked on B.`;
        const drain =
          sim.now < outageEnd
            ? `The backlog is ${m.finalQueueDepth} messages.`
            : m.drainedAfterMs === null
              ? `The backlog has not drained: ${m.finalQueueDepth} messages are waiting.`
              : `The backlog peaked at ${m.maxQueueDepth} messages and drained ${describeSeconds(m.drainedAfterMs)} after B returned.`;
        return `${outage}Queue: ${errors} ${drain}`;
      },
    });
  },
});
