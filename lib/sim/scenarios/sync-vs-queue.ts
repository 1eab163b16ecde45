import { Simulation } from "../engine";
import { Fifo } from "../fifo";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import { PercentileSeries } from "../time-series";
import { describe, percent, round } from "./numbers";

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

type Op = "call" | "ok" | "error" | "enqueue" | "deliver" | "ack" | "hello";

interface ChainMessage {
  readonly op: Op;
  /** Request number; -1 for messages that are not about one request. */
  readonly id: number;
  readonly createdAt: number;
}

type ChainTimer =
  | { readonly type: "arrival" }
  | { readonly type: "call-timeout"; readonly id: number }
  | { readonly type: "served" };

interface Job {
  readonly id: number;
  readonly createdAt: number;
  readonly replyTo: string;
}

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
    {
      kind: "choice",
      key: "mode",
      label: "A talks to B",
      choices: [
        { value: "sync", label: "Synchronously (call and wait)" },
        { value: "queue", label: "Through a queue" },
      ],
      default: "sync",
      help: "Call B and wait for the answer, or enqueue the work for B and acknowledge at once.",
    },
    {
      kind: "number",
      key: "arrivalRate",
      label: "Arrival rate",
      min: 5,
      max: 200,
      step: 5,
      default: 50,
      unit: "req/s",
      help: "Requests per second from clients (random arrivals).",
    },
    {
      kind: "number",
      key: "capacity",
      label: "B's capacity",
      min: 5,
      max: 200,
      step: 5,
      default: 80,
      unit: "req/s",
      help: "How many requests per second B can finish; above the arrival rate, a backlog drains.",
    },
    {
      kind: "number",
      key: "outageStartS",
      label: "B goes down at",
      min: 0,
      max: 20,
      step: 1,
      default: 5,
      unit: "s",
      help: "When B's outage begins.",
    },
    {
      kind: "number",
      key: "outageLengthS",
      label: "Outage length",
      min: 0,
      max: 10,
      step: 0.5,
      default: 5,
      unit: "s",
      help: "How long B stays down.",
    },
    {
      kind: "number",
      key: "timeoutMs",
      label: "A's timeout on B",
      min: 50,
      max: 5000,
      step: 50,
      default: 1000,
      unit: "ms",
      help: "Synchronous mode: how long A waits for B before failing the client's request.",
    },
    {
      kind: "number",
      key: "threads",
      label: "A's threads",
      min: 1,
      max: 200,
      step: 1,
      default: 20,
      unit: "",
      help: "Synchronous mode: calls A can have waiting on B at once; beyond that A refuses work.",
    },
  ],
  presets: [
    {
      id: "naive",
      label: "Synchronous chain",
      description: "A calls B and waits; B's outage reaches the client.",
      params: { mode: "sync" },
    },
    {
      id: "queue",
      label: "Queue between A and B",
      description: "A enqueues and acknowledges; the backlog drains after B returns.",
      params: { mode: "queue" },
    },
    {
      id: "overload",
      label: "Queue under sustained overload",
      description: "Arrivals above B's capacity: the backlog never drains.",
      params: { mode: "queue", arrivalRate: 100, capacity: 80 },
    },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<SyncVsQueueMetrics> {
    const sim = new Simulation<ChainMessage, ChainTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const queued = p.mode === "queue";
    const outageStart = p.outageStartS * 1000;
    const outageEnd = outageStart + p.outageLengthS * 1000;
    const meanServiceMs = 1000 / p.capacity;
    const meanGapMs = 1000 / p.arrivalRate;

    const completion = sim.metrics.histogram("completion latency");
    const completionOverTime = new PercentileSeries(CHART_BUCKET_MS);
    const okRate = sim.metrics.rate("client successes", CHART_BUCKET_MS);
    const errorRate = sim.metrics.rate("client errors", CHART_BUCKET_MS);
    const depthSeries = sim.metrics.gauge("queue depth", CHART_BUCKET_MS);
    const threadSeries = sim.metrics.gauge("threads busy", CHART_BUCKET_MS);

    let requests = 0;
    let clientErrors = 0;
    let completed = 0;
    const finished: boolean[] = [];
    let maxDepth = 0;
    let depthAtOutageEnd = 0;
    let drainedAt: number | null = null;
    let maxThreads = 0;

    const recordCompletion = (id: number, createdAt: number): void => {
      if (finished[id] === true) return; // redelivered work finished twice counts once
      finished[id] = true;
      completed++;
      completion.add(sim.now - createdAt);
      completionOverTime.observe(sim.now, sim.now - createdAt);
    };

    // ---- client: random arrivals, each one request to A --------------------------------
    sim.addNode({
      id: "client",
      label: "Clients",
      role: "client",
      x: 0.08,
      y: 0.5,
      onTimer: () => {
        const id = requests++;
        sim.send("client", "a", "request", { op: "call", id, createdAt: sim.now });
        sim.setTimer("client", sim.rng.exponential(meanGapMs), { type: "arrival" });
      },
      onMessage: (message) => {
        const { op, id, createdAt } = message.payload;
        if (op === "ok") {
          okRate.add(sim.now);
          if (!queued) recordCompletion(id, createdAt);
        } else if (op === "error") {
          clientErrors++;
          errorRate.add(sim.now);
        }
      },
    });

    // ---- A: synchronous caller with a thread pool, or producer to the queue ------------
    const waitingOnB = new Map<number, { timer: number; createdAt: number }>();
    const setThreads = (): void => {
      maxThreads = Math.max(maxThreads, waitingOnB.size);
      threadSeries.set(sim.now, waitingOnB.size);
    };
    sim.addNode({
      id: "a",
      label: "Service A",
      role: "service",
      x: 0.35,
      y: 0.5,
      gauges: () => (queued ? [] : [{ label: "threads busy", value: waitingOnB.size }]),
      onMessage: (message) => {
        const { op, id, createdAt } = message.payload;
        if (op === "call") {
          if (queued) {
            sim.send("a", "queue", "request", { op: "enqueue", id, createdAt });
            sim.send("a", "client", "response", { op: "ok", id, createdAt });
          } else if (waitingOnB.size >= p.threads) {
            sim.send("a", "client", "error", { op: "error", id, createdAt }); // no thread free
          } else {
            const timer = sim.setTimer("a", p.timeoutMs, { type: "call-timeout", id });
            waitingOnB.set(id, { timer, createdAt });
            setThreads();
            sim.send("a", "b", "request", { op: "call", id, createdAt });
          }
        } else if (op === "ok") {
          const call = waitingOnB.get(id);
          if (call === undefined) return; // B answered after A gave up
          sim.cancelTimer(call.timer);
          waitingOnB.delete(id);
          setThreads();
          sim.send("a", "client", "response", { op: "ok", id, createdAt });
        }
      },
      onTimer: (timer) => {
        if (timer.payload.type !== "call-timeout") return;
        const id = timer.payload.id;
        const call = waitingOnB.get(id);
        if (call === undefined) return;
        waitingOnB.delete(id);
        setThreads();
        sim.send("a", "client", "error", { op: "error", id, createdAt: call.createdAt });
      },
    });

    // ---- the queue (broker) ----------------------------------------------------------
    const backlog = new Fifo<Job>();
    let handedToB: Job[] = [];
    const depth = (): number => backlog.length + handedToB.length;
    const recordDepth = (): void => {
      const d = depth();
      maxDepth = Math.max(maxDepth, d);
      depthSeries.set(sim.now, d);
      if (drainedAt === null && sim.now >= outageEnd && d <= DRAINED_DEPTH) drainedAt = sim.now;
    };
    const dispatch = (): void => {
      while (handedToB.length < PREFETCH && backlog.length > 0) {
        const job = backlog.shift() as Job;
        handedToB.push(job);
        sim.send("queue", "b", "request", { op: "deliver", id: job.id, createdAt: job.createdAt });
      }
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
          const { op, id, createdAt } = message.payload;
          if (op === "enqueue") {
            backlog.push({ id, createdAt, replyTo: "queue" });
          } else if (op === "ack") {
            handedToB = handedToB.filter((job) => job.id !== id);
          } else if (op === "hello") {
            // B (re)connected: whatever it held unacknowledged died with it.
            backlog.pushFront(handedToB);
            handedToB = [];
          }
          dispatch();
          recordDepth();
        },
      });
    }

    // ---- B: one worker, exponential service times -------------------------------------
    const inbox = new Fifo<Job>();
    let current: Job | null = null;
    const startNext = (): void => {
      if (current !== null) return;
      const job = inbox.shift();
      if (job === undefined) return;
      current = job;
      sim.setTimer("b", sim.rng.exponential(meanServiceMs), { type: "served" });
    };
    sim.addNode({
      id: "b",
      label: "Service B",
      role: "service",
      x: queued ? 0.85 : 0.7,
      y: 0.5,
      gauges: () => [{ label: "waiting", value: inbox.length }],
      onMessage: (message) => {
        const { id, createdAt } = message.payload;
        inbox.push({ id, createdAt, replyTo: message.from });
        startNext();
      },
      onTimer: () => {
        const job = current;
        if (job === null) return;
        current = null;
        if (queued) {
          recordCompletion(job.id, job.createdAt);
          sim.send("b", "queue", "response", { op: "ack", id: job.id, createdAt: job.createdAt });
        } else {
          sim.send("b", job.replyTo, "response", { op: "ok", id: job.id, createdAt: job.createdAt });
        }
        startNext();
      },
      onCrash: () => {
        inbox.clear();
        current = null;
      },
      onRecover: () => {
        if (queued) sim.send("b", "queue", "control", { op: "hello", id: -1, createdAt: sim.now });
      },
    });

    sim.network.connect("client", "a");
    if (queued) {
      sim.network.connect("a", "queue");
      sim.network.connect("queue", "b");
      sim.send("b", "queue", "control", { op: "hello", id: -1, createdAt: 0 });
    } else {
      sim.network.connect("a", "b");
    }

    if (p.outageLengthS > 0) {
      sim.schedule(outageStart, "B goes down", () => sim.crash("b"));
      sim.schedule(outageEnd, "B is back", () => {
        sim.recover("b");
        depthAtOutageEnd = depth();
        recordDepth();
      });
    } else {
      sim.schedule(outageEnd, "no outage", () => recordDepth());
    }
    sim.setTimer("client", sim.rng.exponential(meanGapMs), { type: "arrival" });

    const measure = (): SyncVsQueueMetrics => ({
      requests,
      clientErrors,
      clientErrorPercent: percent(clientErrors, requests),
      completed,
      completionP50Ms: completion.percentile(50),
      completionP99Ms: completion.percentile(99),
      maxQueueDepth: maxDepth,
      queueDepthAtOutageEnd: depthAtOutageEnd,
      finalQueueDepth: depth(),
      drainedAfterMs: queued && drainedAt !== null ? drainedAt - outageEnd : null,
      maxThreadsBusy: maxThreads,
    });

    return {
      sim,
      markers: () =>
        p.outageLengthS > 0
          ? [
              { t: outageStart, label: "B goes down" },
              { t: outageEnd, label: "B is back" },
            ]
          : [],
      measure,
      charts: () => [
        { id: "ok", chart: "Client outcomes", label: "successes", unit: "req/s", points: okRate.points(sim.now) },
        { id: "errors", chart: "Client outcomes", label: "errors", unit: "req/s", points: errorRate.points(sim.now) },
        queued
          ? { id: "depth", chart: "Waiting work", label: "queue depth", unit: "messages", points: depthSeries.points(sim.now) }
          : { id: "threads", chart: "Waiting work", label: "A's threads blocked on B", unit: "threads", points: threadSeries.points(sim.now) },
        {
          id: "completion-p99",
          chart: "Time to finish the work",
          label: "p99",
          unit: "ms",
          points: completionOverTime.points(sim.now, 99),
        },
      ],
      headline: () => {
        const m = measure();
        return [
          { id: "client-errors", label: "Client-visible errors", value: round(m.clientErrorPercent), unit: "%" },
          { id: "completion-p50", label: "Time to finish, p50", value: round(m.completionP50Ms), unit: "ms" },
          { id: "completion-p99", label: "Time to finish, p99", value: round(m.completionP99Ms), unit: "ms" },
          queued
            ? { id: "max-depth", label: "Deepest backlog", value: m.maxQueueDepth, unit: "messages" }
            : { id: "max-threads", label: "Most threads blocked", value: m.maxThreadsBusy, unit: "threads" },
          ...(queued
            ? [{ id: "drained", label: "Backlog drained after B returned", value: round(m.drainedAfterMs === null ? null : m.drainedAfterMs / 1000), unit: "s" }]
            : []),
        ];
      },
      summary: () => {
        const m = measure();
        const outage = p.outageLengthS > 0 ? `B was down from ${p.outageStartS} s to ${outageEnd / 1000} s. ` : "";
        const errors = `${m.clientErrors} of ${m.requests} client requests failed (${describe(m.clientErrorPercent, "%")}).`;
        if (!queued) return `${outage}Synchronous chain: ${errors} At most ${m.maxThreadsBusy} of A's ${p.threads} threads were blocked on B.`;
        const drain =
          sim.now < outageEnd
            ? `The backlog is ${m.finalQueueDepth} messages.`
            : m.drainedAfterMs === null
              ? `The backlog has not drained: ${m.finalQueueDepth} messages are waiting.`
              : `The backlog peaked at ${m.maxQueueDepth} messages and drained ${describe(m.drainedAfterMs / 1000, "s", 1)} after B returned.`;
        return `${outage}Queue: ${errors} ${drain}`;
      },
    };
  },
});
