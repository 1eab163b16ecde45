import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import {
  Arrivals, chart, column, describe, evenly, headline, param, percent, RequestLedger, scenarioInstance, WorkerPool, type ArrivalTimer,
  type Served,
} from "../kit";

/**
 * Lesson 1 (system-architecture): a front end fans each request out to N backends and
 * answers when the last one has. Each backend is usually fast and occasionally slow, so
 * the chance that a request waits on at least one slow call is 1 − (1 − p)^N: at p = 1%,
 * a fan-out of 50 makes 40% of requests slow. Hedging (send a second copy to another
 * replica of that shard if the first has not answered after a delay, take whichever
 * answers first) removes most of the tail for a few percent of extra load.
 *
 * Backends have unlimited concurrency here, so hedges cost load but never queueing;
 * the lesson's text says that real hedging needs a budget for exactly that reason.
 */

const ARRIVAL_INTERVAL_MS = 10; // 100 requests per second, evenly spaced
const LINK = { latency: Latency.constant(0.5), loss: 0 };
const USUAL_SERVICE = Latency.logNormal(10, 0.2);
const SLOW_SERVICE = Latency.uniform(100, 200);
/** A request slower than this hit at least one slow backend (the usual max is ~20 ms). */
const SLOW_REQUEST_MS = 50;
const CHART_BUCKET_MS = 1000;

interface BackendCall {
  readonly request: number;
  readonly shard: number;
  readonly hedge: boolean;
}

type FanOutTimer = ArrivalTimer | { readonly type: "hedge"; readonly request: number } | Served<BackendCall>;

export type FanOutMetrics = {
  readonly requests: number;
  readonly completed: number;
  readonly e2eP50Ms: number | null;
  readonly e2eP99Ms: number | null;
  readonly backendP50Ms: number | null;
  readonly backendP95Ms: number | null;
  readonly backendP99Ms: number | null;
  /** Percentage of completed requests slower than 50 ms. */
  readonly slowRequestPercent: number;
  /** 100 · (1 − (1 − p)^N): the share of requests expected to hit a slow backend unhedged. */
  readonly expectedSlowPercent: number;
  /** Hedge calls as a percentage of first calls: the extra backend load. */
  readonly hedgeLoadPercent: number;
};

export const fanOutTail = defineScenario({
  id: "fan-out-tail",
  title: "Fan-out and the tail at scale",
  lesson: "system-architecture",
  description:
    "A front end sends every request to N backends and answers when the slowest has replied. " +
    "Raise N and watch the end-to-end p99 jump to the backends' rare slow path; then turn on " +
    "hedged requests and watch it come back down for a few percent of extra calls.",
  params: [
    param.number("backends", "Backends per request", { min: 1, max: 100, step: 1, default: 20 }, "Each request waits for the slowest of this many backends."),
    param.number(
      "slowPercent",
      "Slow backend calls",
      { min: 0, max: 10, step: 0.5, default: 1, unit: "%" },
      "Share of backend calls that take 100–200 ms instead of about 10 ms (a GC pause, a cold cache).",
    ),
    param.toggle("hedging", "Hedged requests", false, "If a backend has not answered after the hedge delay, ask another replica and use the first reply."),
    param.number(
      "hedgeDelayMs",
      "Hedge delay",
      { min: 1, max: 200, step: 1, default: 15, unit: "ms" },
      "How long to wait before hedging; the backend p95 plus the round trip keeps extra load near 5%.",
    ),
    param.number("requests", "Requests", { min: 50, max: 2000, step: 50, default: 1000 }, "How many requests the front end sends, 100 per second."),
  ],
  presets: [
    { id: "naive", label: "Wait for every backend", description: "Fan out to 20 backends with no hedging.", params: { backends: 20, hedging: false } },
    { id: "hedged", label: "Hedge after the p95", description: "Same fan-out; hedge any call still pending after 15 ms.", params: { backends: 20, hedging: true, hedgeDelayMs: 15 } },
  ],
  durationMs: (p) => p.requests * ARRIVAL_INTERVAL_MS + 1000,
  build(p, seed, options): ScenarioInstance<FanOutMetrics> {
    const sim = new Simulation<BackendCall, FanOutTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const n = p.backends;
    const requests = new RequestLedger(sim, { bucketMs: CHART_BUCKET_MS, name: "end-to-end" });
    const backendLatency = sim.metrics.histogram("backend latency");
    const firstCalls = sim.metrics.counter("first calls");
    const hedgeCalls = sim.metrics.counter("hedge calls");

    // Which backend calls of each request are still unanswered, in flat typed arrays.
    const pending = new Int32Array(p.requests);
    const answered = new Uint8Array(p.requests * n);
    const shardId = (shard: number): string => `b${shard + 1}`;

    // ---- front end: one request every 10 ms, fanned out to every shard ---------------------
    const arrivals = new Arrivals(sim, "frontend", evenly(ARRIVAL_INTERVAL_MS));
    sim.addNode({
      id: "frontend",
      label: "Front end",
      role: "frontend",
      x: 0.15,
      y: 0.5,
      gauges: () => [{ label: "waiting", value: requests.inFlight }],
      onTimer: (timer) => {
        const event = timer.payload;
        if (event.type === "arrival") {
          const request = requests.start();
          pending[request] = n;
          for (let shard = 0; shard < n; shard++) {
            firstCalls.inc();
            sim.send("frontend", shardId(shard), "request", { request, shard, hedge: false });
          }
          if (p.hedging) sim.setTimer("frontend", p.hedgeDelayMs, { type: "hedge", request });
          if (arrivals.scheduled < p.requests) arrivals.next();
        } else if (event.type === "hedge") {
          // Hedge every call of this request that has not answered yet.
          for (let shard = 0; shard < n; shard++) {
            if (answered[event.request * n + shard] === 0) {
              hedgeCalls.inc();
              sim.send("frontend", shardId(shard), "hedge", { request: event.request, shard, hedge: true });
            }
          }
        }
      },
      onMessage: (message) => {
        const { request, shard } = message.payload;
        const slot = request * n + shard;
        if (answered[slot] === 1) return; // the slower of a call and its hedge: ignored
        answered[slot] = 1;
        pending[request] = (pending[request] ?? 0) - 1;
        if (pending[request] === 0) requests.succeed(request);
      },
    });

    // ---- backends: no concurrency limit, usually fast, sometimes slow -----------------------
    const service = Latency.mixture(USUAL_SERVICE, SLOW_SERVICE, p.slowPercent / 100);
    for (let shard = 0; shard < n; shard++) {
      const id = shardId(shard);
      const backend = new WorkerPool<BackendCall>(sim, id, {
        workers: Number.POSITIVE_INFINITY,
        serviceTime: service,
        serviceTimes: backendLatency,
        onDone: (call) => sim.send(id, "frontend", "response", call),
      });
      sim.addNode({
        id,
        label: `Shard ${shard + 1}`,
        role: "backend",
        ...column(shard, n, 0.8, 0.05),
        gauges: () => [{ label: "serving", value: backend.busy }],
        onMessage: (message) => backend.offer(message.payload),
        onTimer: (timer) => {
          if (timer.payload.type === "served") backend.finish(timer.payload);
        },
      });
      sim.network.connect("frontend", id);
    }

    arrivals.first();

    const measure = (): FanOutMetrics => ({
      requests: requests.started,
      completed: requests.ok,
      e2eP50Ms: requests.latency.percentile(50),
      e2eP99Ms: requests.latency.percentile(99),
      backendP50Ms: backendLatency.percentile(50),
      backendP95Ms: backendLatency.percentile(95),
      backendP99Ms: backendLatency.percentile(99),
      slowRequestPercent: 100 * requests.latency.fractionAbove(SLOW_REQUEST_MS),
      expectedSlowPercent: 100 * (1 - (1 - p.slowPercent / 100) ** n),
      hedgeLoadPercent: percent(hedgeCalls.value, firstCalls.value),
    });

    return scenarioInstance({
      sim, measure,
      charts: () => [
        ...chart("End-to-end latency per second", "ms", [
          ["e2e-p50", "p50", requests.latencyOverTime.points(sim.now, 50)],
          ["e2e-p99", "p99", requests.latencyOverTime.points(sim.now, 99)],
        ]),
      ],
      headline: (m) => [
        ...headline.percentiles("e2e", "End-to-end", requests.latency),
        headline.ms("backend-p99", "One backend's p99", m.backendP99Ms),
        headline.percent("slow-requests", "Requests slower than 50 ms", m.slowRequestPercent),
        headline.percent("hedge-load", "Extra backend calls from hedging", m.hedgeLoadPercent),
      ],
      summary: (m) => {
        if (m.completed === 0) return `No request has completed yet; each waits for ${n} backends.`;
        return (
          `${m.completed} requests to ${n} backends: ${describe(m.slowRequestPercent, "%")} were slower than 50 ms ` +
          `(expected without hedging: ${describe(m.expectedSlowPercent, "%")}); end-to-end p50 ${describe(m.e2eP50Ms, "ms")}, ` +
          `p99 ${describe(m.e2eP99Ms, "ms")}. ` +
          (p.hedging
            ? `Hedging after ${p.hedgeDelayMs} ms added ${describe(m.hedgeLoadPercent, "%")} extra backend calls.`
            : "Hedging is off.")
        );
      },
    });
  },
});
