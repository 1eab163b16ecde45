import { Simulation } from "../engine";
import { Latency } from "../latency";
import { MeanSeries } from "../time-series";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { TableCell } from "../snapshot";
import {
  Arrivals, cell, chart, Client, describe, headline, isClientTimer, param, poisson, RequestLedger, round, scenarioInstance, Timeline, timeWindow,
  type ArrivalTimer, type ClientTimer,
} from "../kit";
import { BatchServer, type BatchTimer } from "../kit/batch-server";
import { TimeAverage } from "../kit/time-average";

/**
 * Lesson 14 (performance): one server, a load you raise, and a load generator that lies.
 *
 * The server has one worker; serving a call costs a fixed 8 ms plus 2 ms per request in it,
 * drawn from an exponential with that mean, so one request at a time is M/M/1 with S = 10 ms
 * (100 requests a second at most). Open-loop Poisson load at a share ρ of that capacity gives
 * a mean time in the server of S/(1 − ρ), and Little's law L = λW holds between the average
 * number in the server, the arrival rate and the mean time in it, whatever the settings.
 *
 * Batching: the server takes up to `batchSize` waiting requests at once (8 ms + 2 ms each) and
 * lets the first one wait up to `maxWaitMs` for company. Per request the work drops, so the
 * capacity rises (16 at once: 400 a second); at low load every request pays the wait.
 *
 * Measurement: a stall of the server at 20 s (a long GC pause, a stuck disk). The open-loop
 * generator keeps sending on its schedule and records every request the stall delayed. The
 * closed-loop generator (10 users, each sending, waiting for the answer, thinking, sending
 * again) stops sending while it waits, so it records one slow request per user: coordinated
 * omission. Its think time is set so that it would send the target rate if answers were
 * instant; it sends less, because each user also waits for its answers.
 *
 * Simplifications: the network adds a constant 1 ms each way; the server never rejects work
 * (the queue is unbounded, so above capacity it grows for the whole run); no timeouts.
 */

const DURATION_MS = 60_000;
const CAPACITY_PER_S = 100;
const CALL_COST_MS = 8;
const PER_REQUEST_MS = 2;
const SERVICE_MS = CALL_COST_MS + PER_REQUEST_MS;
const USERS = 10;
const STALL_AT_MS = 20_000;
const LINK = { latency: Latency.constant(1), loss: 0 };
const BUCKET_MS = 1000;
const NO_TIMEOUT_MS = DURATION_MS;

/** The closed loop's users in two rows of five above and below the server: legible on a phone and on a wide, short view. */
function usersAt(u: number): { x: number; y: number } {
  return { x: 0.08 + (u % 5) * 0.21, y: u < 5 ? 0.16 : 0.8 };
}

/** `id` is the open-loop request id, or the closed-loop client's call id. */
type Payload = { readonly op: "request" | "response"; readonly id: number };
interface Job {
  readonly id: number;
  readonly replyTo: string;
  readonly at: number;
}
type Timer = ArrivalTimer | ClientTimer | BatchTimer<Job>;

export type QueueingMetrics = {
  readonly targetRatePerSecond: number;
  /** Requests that reached the server per second of the run: λ. */
  readonly arrivalRatePerSecond: number;
  readonly utilisationPercent: number;
  /** Time-average number of requests in the server (waiting or being served): L. */
  readonly inServerMean: number;
  /** Mean time a request spent in the server (arrival to answer), over answered requests: W. */
  readonly timeInServerMs: number | null;
  /** λ × W, which Little's law says equals L. */
  readonly littleLambdaW: number | null;
  /** M/M/1's S/(1 − ρ); null when the model does not apply (batching, closed loop, ρ ≥ 1). */
  readonly predictedTimeInServerMs: number | null;
  readonly mostInServer: number;
  /** What the load generator measured: from sending a request to its answer. */
  readonly latencyMeanMs: number | null;
  readonly latencyP50Ms: number | null;
  readonly latencyP99Ms: number | null;
  readonly requests: number;
  readonly meanBatchSize: number;
  /** Requests the generator sent while the server was stalled (0 without a stall). */
  readonly sentDuringStall: number;
};

export const queueingAndMeasurement = defineScenario({
  id: "queueing-and-measurement",
  title: "Utilisation, Little's law, batching, and a load test that lies",
  lesson: "performance",
  description:
    "One server that can answer 100 requests a second. Raise the load and watch the time in the " +
    "server follow S/(1 − ρ) while L = λW holds on the table; batch requests to raise capacity; " +
    "then stall the server for a second and compare what a closed-loop and an open-loop load " +
    "generator report.",
  params: [
    param.number("loadPercent", "Load (ρ)", { min: 10, max: 150, step: 5, default: 90, unit: "%" }, "Arrival rate as a share of one-at-a-time capacity (100 req/s)."),
    param.number("batchSize", "Batch size", { min: 1, max: 32, step: 1, default: 1 }, "Most requests served together (8 ms + 2 ms each); 1 means no batching."),
    param.number("maxWaitMs", "Batch wait", { min: 0, max: 20, step: 1, default: 5, unit: "ms" }, "How long the first waiting request waits for a batch to fill."),
    param.choice(
      "generator",
      "Load generator",
      [
        ["open", "Open loop (fixed arrival rate)"],
        ["closed", "Closed loop (10 users who wait)"],
      ],
      "open",
      "Open loop sends on a schedule; closed loop sends the next request only after the last answer.",
    ),
    param.number("stallS", "Server stall at 20 s", { min: 0, max: 3, step: 0.5, default: 0, unit: "s" }, "The server starts no work for this long (a long GC pause); 0 for none."),
  ],
  presets: [
    { id: "busy", label: "Busy server (90%)", description: "Open-loop load at 90% of capacity: the mean is 10× the service time.", params: { loadPercent: 90, batchSize: 1, generator: "open", stallS: 0 } },
    { id: "headroom", label: "Headroom (60%)", description: "A third less load: the mean falls to 2.5× the service time.", params: { loadPercent: 60, batchSize: 1, generator: "open", stallS: 0 } },
    { id: "batching", label: "Batching at 90%", description: "Up to 16 requests per call: less work per request, far less waiting.", params: { loadPercent: 90, batchSize: 16, maxWaitMs: 5, generator: "open", stallS: 0 } },
    { id: "closed-stall", label: "Closed-loop test, 1 s stall", description: "10 users who wait for answers: the stall barely shows in p99.", params: { loadPercent: 50, batchSize: 1, generator: "closed", stallS: 1 } },
    { id: "open-stall", label: "Honest test: open loop, 1 s stall", description: "Requests keep arriving on schedule, and every one the stall delayed is measured.", params: { loadPercent: 50, batchSize: 1, generator: "open", stallS: 1 } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<QueueingMetrics> {
    const sim = new Simulation<Payload, Timer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const requests = new RequestLedger(sim, { bucketMs: BUCKET_MS });
    const meanLatency = new MeanSeries(BUCKET_MS);
    const inServer = new TimeAverage(sim);
    const inServerSeries = sim.metrics.gauge("requests in the server", BUCKET_MS);
    const targetRate = (CAPACITY_PER_S * p.loadPercent) / 100;
    // One marker for the stall (two would overlap on a 60 s chart); the resume is unmarked.
    const stall = p.stallS > 0 ? timeWindow(STALL_AT_MS, STALL_AT_MS + p.stallS * 1000) : null;
    if (stall !== null) {
      timeline.at(stall.startMs, `server stalls ${describe(p.stallS, "s", 1)}`, () => server.stall());
      sim.schedule(stall.endMs, "server resumes", () => server.resume());
    }
    let timeInServerSum = 0;
    let sentDuringStall = 0;

    // ---- the server: one worker, batches of up to batchSize --------------------------------
    const server = new BatchServer<Job>(sim, "server", {
      maxBatch: p.batchSize,
      maxWaitMs: p.maxWaitMs,
      serviceTime: (size, rng) => rng.exponential(CALL_COST_MS + PER_REQUEST_MS * size),
      onDone: (jobs) => {
        for (const job of jobs) {
          timeInServerSum += sim.now - job.at;
          sim.send("server", job.replyTo, "response", { op: "response", id: job.id });
        }
        countInServer();
      },
    });
    const countInServer = (): void => {
      inServer.set(server.inSystem);
      inServerSeries.set(sim.now, server.inSystem);
    };
    sim.addNode({
      id: "server", label: "Server", role: "server", x: p.generator === "open" ? 0.72 : 0.5, y: 0.5,
      gauges: () => [{ label: "waiting", value: server.queued }, { label: "serving", value: server.inService }],
      onMessage: (message) => {
        server.offer({ id: message.payload.id, replyTo: message.from, at: sim.now });
        countInServer();
      },
      onTimer: (timer) => {
        if (timer.payload.type === "batch-done" || timer.payload.type === "batch-linger") server.onTimer(timer.payload);
        countInServer();
      },
    });

    const noteSent = (): void => {
      if (stall?.contains(sim.now) === true) sentDuringStall++;
    };

    // ---- the load generator -----------------------------------------------------------------
    if (p.generator === "open") {
      const arrivals = new Arrivals(sim, "generator", poisson(targetRate));
      sim.addNode({
        id: "generator", label: "Load generator", role: "client", x: 0.18, y: 0.5,
        onTimer: () => {
          const id = requests.start();
          noteSent();
          sim.send("generator", "server", "request", { op: "request", id });
          arrivals.next();
        },
        onMessage: (message) => {
          const id = message.payload.id;
          const start = requests.startedAtOf(id);
          if (requests.succeed(id) && start !== null) meanLatency.observe(sim.now, sim.now - start);
        },
      });
      sim.network.connect("generator", "server");
      arrivals.next();
    } else {
      const thinkMs = (USERS * 1000) / targetRate;
      for (let u = 0; u < USERS; u++) {
        const id = `u${u + 1}`;
        const sentAt = new Map<number, number>();
        const client = new Client<Payload>(sim, {
          node: id, requests, timeoutMs: NO_TIMEOUT_MS,
          target: () => "server",
          message: ({ call }) => {
            sentAt.set(call, sim.now);
            noteSent();
            return { op: "request", id: call };
          },
        });
        sim.addNode({
          id, label: `User ${u + 1}`, role: "client", ...usersAt(u),
          onTimer: (timer) => {
            if (isClientTimer(timer.payload)) client.onTimer(timer.payload);
          },
          onMessage: (message) => {
            const start = sentAt.get(message.payload.id);
            sentAt.delete(message.payload.id);
            if (start !== undefined) meanLatency.observe(sim.now, sim.now - start);
            client.reply(message.payload.id);
          },
        });
        sim.network.connect(id, "server");
        client.closedLoop(thinkMs);
      }
    }

    const measure = (): QueueingMetrics => {
      const elapsedS = sim.now / 1000;
      const answeredInServer = server.served;
      const lambda = elapsedS > 0 ? server.offered / elapsedS : 0;
      const w = answeredInServer > 0 ? timeInServerSum / answeredInServer : null;
      const rho = p.loadPercent / 100;
      const modelApplies = p.batchSize === 1 && p.generator === "open" && rho < 1;
      return {
        targetRatePerSecond: targetRate,
        arrivalRatePerSecond: lambda,
        utilisationPercent: sim.now > 0 ? (100 * server.busyMs()) / sim.now : 0,
        inServerMean: inServer.mean(),
        timeInServerMs: w,
        littleLambdaW: w === null ? null : (lambda * w) / 1000,
        predictedTimeInServerMs: modelApplies ? SERVICE_MS / (1 - rho) : null,
        mostInServer: inServer.peak,
        latencyMeanMs: requests.latency.mean(),
        latencyP50Ms: requests.latency.percentile(50),
        latencyP99Ms: requests.latency.percentile(99),
        requests: requests.started,
        meanBatchSize: server.batches > 0 ? answeredInServer / server.batches : 0,
        sentDuringStall,
      };
    };

    const littleTable = (m: QueueingMetrics) => {
      const rho = p.loadPercent / 100;
      const modelApplies = m.predictedTimeInServerMs !== null;
      const w = m.timeInServerMs;
      const fmt = (value: number | null, unit: string, places: number): string => (value === null ? "–" : describe(value, unit, places));
      const compare = (value: number | null, measured: number | null, tolerance: number, unit: string, places: number): TableCell =>
        value === null || measured === null
          ? cell.plain("–")
          : { text: fmt(value, unit, places), tone: Math.abs(value - measured) <= tolerance * Math.max(measured, 1e-9) ? "good" : "warn" };
      const model = (value: number, measured: number | null, unit: string, places: number): TableCell =>
        modelApplies ? compare(value, measured, 0.2, unit, places) : cell.plain(rho >= 1 && p.batchSize === 1 && p.generator === "open" ? "unstable" : "n/a");
      return [
        {
          // title before id: bench-pages finds a scenario chunk by `id:"…",title:"`, which a table must not look like.
          title: "Little's law, live", id: "little", rowHeader: "Quantity",
          columns: ["measured", "from L = λW", "M/M/1"],
          rows: [
            { label: "L, inside", cells: [
              cell.plain(fmt(m.inServerMean, "", 2)),
              compare(m.littleLambdaW, m.inServerMean, 0.05, "", 2),
              model(rho / (1 - rho), m.inServerMean, "", 2),
            ] },
            { label: "λ, arriving", cells: [
              cell.plain(fmt(m.arrivalRatePerSecond, "req/s", 1)),
              compare(w !== null && w > 0 ? (1000 * m.inServerMean) / w : null, m.arrivalRatePerSecond, 0.05, "req/s", 1),
              model(targetRate, m.arrivalRatePerSecond, "req/s", 1),
            ] },
            { label: "W, time inside", cells: [
              cell.plain(fmt(w, "ms", 1)),
              compare(m.arrivalRatePerSecond > 0 ? (1000 * m.inServerMean) / m.arrivalRatePerSecond : null, w, 0.05, "ms", 1),
              model(SERVICE_MS / (1 - rho), w, "ms", 1),
            ] },
          ],
        },
      ];
    };

    return scenarioInstance({
      sim, timeline, measure,
      tables: () => littleTable(measure()),
      charts: () => [
        ...chart("Latency the generator measured", "ms", [
          ["mean", "mean", meanLatency.points(sim.now)],
          ["p99", "p99", requests.latencyOverTime.points(sim.now, 99)],
        ]),
        ...chart("Requests in the server", "requests", [["in-server", "most at once", inServerSeries.points(sim.now)]]),
      ],
      headline: (m) => [
        headline.percent("utilisation", "Utilisation", m.utilisationPercent),
        headline.rate("rate", "Arrivals λ", m.arrivalRatePerSecond),
        headline.ms("w", "Time in server W", m.timeInServerMs),
        headline.ms("predicted", "S/(1 − ρ)", m.predictedTimeInServerMs),
        headline.count("l", "In server L", round(m.inServerMean, 2)),
        headline.count("lambda-w", "λ × W", round(m.littleLambdaW, 2)),
        headline.ms("p99", "p99 measured", m.latencyP99Ms),
      ],
      summary: (m) => {
        const load = `${describe(m.arrivalRatePerSecond, "requests a second", 0)} reached the server (${describe(m.utilisationPercent, "%", 0)} busy)`;
        const little = m.littleLambdaW === null ? "" : ` On average ${describe(m.inServerMean, "", 2)} requests were in it and λW = ${describe(m.littleLambdaW, "", 2)}.`;
        const w = m.timeInServerMs === null ? "" : ` Each spent ${describe(m.timeInServerMs, "ms", 1)} there${m.predictedTimeInServerMs === null ? "" : ` (S/(1 − ρ) = ${describe(m.predictedTimeInServerMs, "ms", 1)})`}.`;
        const p99 = ` The ${p.generator === "open" ? "open" : "closed"}-loop generator measured p99 ${describe(m.latencyP99Ms, "ms", 1)}.`;
        const schedule = p.generator === "closed" ? ` (on schedule it would have sent about ${Math.round(targetRate * p.stallS)})` : "";
        const paused = p.stallS > 0 && sim.now >= STALL_AT_MS ? ` It sent ${m.sentDuringStall} requests during the ${describe(p.stallS, "s", 1)} stall${schedule}.` : "";
        return `${load}.${little}${w}${p99}${paused}`;
      },
    });
  },
});
