import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { RateSeries } from "../time-series";
import {
  chart, Client, describe, describeSeconds, exponentialBackoff, fullJitterBackoff, headline, isClientTimer, meanIn,
  noBackoff, param, peakIn, RequestLedger, ring, scenarioInstance, sustainedFrom, Timeline, timeWindow, WorkerPool, type ClientTimer,
  type RetryRules, type Served,
} from "../kit";

/**
 * Lesson 4 (fault-tolerance): many clients call one server of fixed capacity, and the
 * server stalls for a few seconds (a stuck dependency, a long GC pause): it keeps
 * accepting requests but answers none. Each client sends a request, waits for the answer
 * or its timeout, retries a failed attempt according to its policy, and once the request
 * has succeeded or been given up, pauses briefly and sends the next one.
 *
 * The server cannot tell that a client has given up on an attempt (there is no deadline
 * propagation), so every attempt sent during the stall is work it will still do later.
 * What the learner sees:
 * - Immediate retries send one attempt per client per timeout. The stall leaves a pile of
 *   stale attempts; after it the server spends its capacity on answers nobody waits for,
 *   fresh attempts queue behind them and time out too, and goodput stays low long after
 *   the cause is gone (a metastable failure).
 * - Exponential backoff sends far fewer attempts, but the clients whose requests failed
 *   together when the stall began retry together: retries arrive in waves.
 * - Full jitter (a delay drawn uniformly between zero and the backoff) spreads the waves.
 * - A retry budget (a per-client token bucket that earns a tenth of a token per request
 *   and spends one per retry, holding at most one) caps retries at about 10% of requests.
 * - A circuit breaker (per client: open after 5 consecutive failures, one probe a second)
 *   stops most attempts while the server is stalled.
 */

const DURATION_MS = 20_000;
const LINK = { latency: Latency.uniform(1, 3), loss: 0 };
const WORKERS = 5;
const SERVICE = Latency.uniform(8, 12); // mean 10 ms: 5 workers serve 500 requests/s
const THINK_MS = 150;
const BACKOFF = { base: 100, cap: 1600 };
const BUDGET = { perRequest: 0.1, capacity: 1 };
const BREAKER = { threshold: 5, cooldownMs: 1000 };
const LOAD_BUCKET_MS = 100;
const GOODPUT_BUCKET_MS = 250;
/** Peak load is looked for in this window after the server is back. */
const AFTER_OUTAGE_WINDOW_MS = 5000;
/** Recovered: goodput over a 1 s window is back to 90% of its level before the outage. */
const RECOVERY_WINDOW_MS = 1000;
const RECOVERY_FRACTION = 0.9;

/** An attempt, and the server's answer to it (the same call id travels back). */
interface Call {
  readonly call: number;
  readonly attempt: number;
}

type StormTimer = ClientTimer | Served<{ readonly call: Call; readonly replyTo: string }>;

export type RetryStormMetrics = {
  readonly requests: number;
  readonly succeeded: number;
  /** Requests given up: out of attempts, out of budget, or refused by an open breaker. */
  readonly failed: number;
  /** Attempts clients sent (first tries and retries). */
  readonly attempts: number;
  readonly retries: number;
  readonly attemptsDuringOutage: number;
  /** Mean attempts per second reaching the server before the outage. */
  readonly normalLoadPerSecond: number;
  /** Highest attempts per second reaching the server (100 ms buckets) in the 5 s after the stall. */
  readonly peakLoadAfterOutagePerSecond: number;
  /** The same for retries only (attempts after the first). */
  readonly peakRetryLoadAfterOutagePerSecond: number;
  /** From the end of the stall until goodput is back to 90% of normal; null if not by the end. */
  readonly recoveryMs: number | null;
  /** Answers that arrived after their attempt had timed out: server work wasted. */
  readonly lateResponses: number;
  readonly breakerRejections: number;
};

export const retryStorm = defineScenario({
  id: "retry-storm",
  title: "Retry storms: backoff, jitter, budgets and circuit breakers",
  lesson: "fault-tolerance",
  description:
    "Fifty clients call one server that can serve 500 requests a second, and the server stalls " +
    "for five seconds. With immediate retries the clients bury it in stale work and goodput " +
    "stays low long after the stall. Try exponential backoff and watch the retries arrive in " +
    "waves; add full jitter to spread them; add a retry budget or a circuit breaker and watch " +
    "the attempts fall.",
  params: [
    param.choice(
      "policy",
      "Retry policy",
      [
        ["none", "Retry at once"],
        ["exponential", "Exponential backoff"],
        ["full-jitter", "Exponential backoff, full jitter"],
      ],
      "none",
      "How long a client waits before retrying: not at all, 100 ms doubling to 1.6 s, or a random part of that.",
    ),
    param.toggle("retryBudget", "Retry budget", false, "Each client may retry at most about 10% of its requests (a token bucket)."),
    param.toggle("circuitBreaker", "Circuit breaker", false, "After 5 failures in a row a client stops calling for 1 s, then lets one probe through."),
    param.number("maxAttempts", "Attempts per request", { min: 1, max: 10, step: 1, default: 8 }, "Tries (first one included) before a client gives a request up."),
    param.number("clients", "Clients", { min: 10, max: 120, step: 5, default: 50 }, "Each sends a request, waits, pauses about 150 ms, and sends the next."),
    param.number("timeoutMs", "Client timeout", { min: 20, max: 1000, step: 10, default: 100, unit: "ms" }, "How long a client waits for an answer before counting the attempt as failed."),
    param.number("outageStartS", "Server stalls at", { min: 1, max: 10, step: 0.5, default: 5, unit: "s" }, "When the server stops answering (it still accepts and queues requests)."),
    param.number("outageLengthS", "Stall length", { min: 0, max: 8, step: 0.5, default: 5, unit: "s" }, "How long the server answers nothing."),
  ],
  presets: [
    { id: "naive", label: "Retry at once", description: "No backoff, no budget, no breaker.", params: { policy: "none", retryBudget: false, circuitBreaker: false } },
    { id: "backoff", label: "Exponential backoff", description: "Backoff without jitter: the retries arrive in waves.", params: { policy: "exponential", retryBudget: false, circuitBreaker: false } },
    { id: "jitter", label: "Full jitter", description: "Backoff with full jitter: the waves are spread out.", params: { policy: "full-jitter", retryBudget: false, circuitBreaker: false } },
    {
      id: "fixed",
      label: "Jitter, budget and breaker",
      description: "Everything on: few retries, little stale work, the fastest recovery.",
      params: { policy: "full-jitter", retryBudget: true, circuitBreaker: true },
    },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<RetryStormMetrics> {
    const sim = new Simulation<Call, StormTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const outage = timeWindow(p.outageStartS * 1000, p.outageStartS * 1000 + p.outageLengthS * 1000);
    const requests = new RequestLedger(sim, { bucketMs: GOODPUT_BUCKET_MS });
    const serverLoad = sim.metrics.rate("attempts reaching the server", LOAD_BUCKET_MS);
    const retryLoad = sim.metrics.rate("retries reaching the server", LOAD_BUCKET_MS);
    const queueSeries = sim.metrics.gauge("server queue", LOAD_BUCKET_MS);
    let attemptsDuringOutage = 0;

    // ---- the server: five workers behind an unbounded queue; it stalls, it does not crash --
    const server = new WorkerPool(sim, "server", {
      workers: WORKERS,
      serviceTime: SERVICE,
      onDone: ({ call, replyTo }) => sim.send("server", replyTo, "response", call),
    });
    const overloadDepth = (WORKERS * p.timeoutMs) / 10; // queue wait above the timeout
    let shownDegraded = false;
    const showServerState = (): void => {
      queueSeries.set(sim.now, server.queued);
      const degraded = server.stalled || server.queued > overloadDepth;
      if (degraded !== shownDegraded) {
        shownDegraded = degraded;
        sim.setStatus("server", degraded ? "degraded" : "up");
      }
    };
    sim.addNode({
      id: "server",
      label: "Server",
      role: "server",
      x: 0.5,
      y: 0.5,
      gauges: () => [
        { label: "queue", value: server.queued },
        { label: "busy", value: server.busy },
      ],
      onMessage: (message) => {
        serverLoad.add(sim.now);
        if (message.payload.attempt > 1) retryLoad.add(sim.now);
        server.offer({ call: message.payload, replyTo: message.from });
        showServerState();
      },
      onTimer: (timer) => {
        if (timer.payload.type !== "served") return;
        server.finish(timer.payload);
        showServerState();
      },
    });

    // ---- clients: closed loop, each with its own retry rules ---------------------------
    const retry: RetryRules = {
      maxAttempts: p.maxAttempts,
      backoff:
        p.policy === "none"
          ? noBackoff
          : p.policy === "exponential"
            ? exponentialBackoff(BACKOFF.base, BACKOFF.cap)
            : fullJitterBackoff(BACKOFF.base, BACKOFF.cap),
      budget: p.retryBudget ? BUDGET : null,
      breaker: p.circuitBreaker ? BREAKER : null,
    };
    const clients: Client<Call>[] = [];
    for (let c = 0; c < p.clients; c++) {
      const id = `c${c + 1}`;
      const client = new Client(sim, {
        node: id,
        requests,
        timeoutMs: p.timeoutMs,
        retry,
        target: () => "server",
        message: ({ call, attempt }) => ({ call, attempt }),
        onAttempt: () => {
          if (outage.contains(sim.now)) attemptsDuringOutage++;
        },
      });
      clients.push(client);
      sim.addNode({
        id,
        label: `Client ${c + 1}`,
        role: "client",
        ...ring(c, p.clients, 0.5, 0.5, 0.42),
        onTimer: (timer) => {
          if (isClientTimer(timer.payload)) client.onTimer(timer.payload);
        },
        onMessage: (message) => client.reply(message.payload.call),
      });
      sim.network.connect(id, "server");
      client.closedLoop(THINK_MS);
    }

    if (p.outageLengthS > 0) {
      timeline.window(
        outage.startMs,
        outage.endMs,
        {
          label: "server stalls",
          run: () => {
            server.stall();
            showServerState();
          },
        },
        {
          label: "server resumes",
          run: () => {
            server.resume();
            showServerState();
          },
        },
      );
    }

    // ---- measures over the series: the normal level skips the first second, while clients start --
    const normal = (series: RateSeries): number => meanIn(series.points(Math.min(sim.now, outage.startMs)), 1000);
    const peakAfterOutage = (series: RateSeries): number => peakIn(series.points(sim.now), outage.endMs, outage.endMs + AFTER_OUTAGE_WINDOW_MS);
    const recoveryMs = (): number | null => {
      const buckets = RECOVERY_WINDOW_MS / GOODPUT_BUCKET_MS;
      const back = sustainedFrom(requests.okRate.points(sim.now), outage.endMs, buckets, RECOVERY_FRACTION * normal(requests.okRate));
      return back === null ? null : back - outage.endMs;
    };

    const measure = (): RetryStormMetrics => ({
      requests: requests.started,
      succeeded: requests.ok,
      failed: requests.failures,
      attempts: requests.attempts,
      retries: requests.retries,
      attemptsDuringOutage,
      normalLoadPerSecond: normal(serverLoad),
      peakLoadAfterOutagePerSecond: peakAfterOutage(serverLoad),
      peakRetryLoadAfterOutagePerSecond: peakAfterOutage(retryLoad),
      recoveryMs: sim.now >= outage.endMs ? recoveryMs() : null,
      lateResponses: requests.lateReplies,
      breakerRejections: clients.reduce((sum, client) => sum + (client.breaker?.rejections ?? 0), 0),
    });

    return scenarioInstance({
      sim, timeline, measure,
      charts: () => [
        ...chart("Load on the server", "req/s", [
          ["load", "all attempts", serverLoad.points(sim.now)],
          ["retries", "retries", retryLoad.points(sim.now)],
        ]),
        ...chart("Goodput", "req/s", [["goodput", "requests that succeeded", requests.okRate.points(sim.now)]]),
        ...chart("Server queue", "attempts", [["queue", "waiting attempts", queueSeries.points(sim.now)]]),
      ],
      headline: (m) => [
        headline.rate("peak-load", "Peak load after the stall", m.peakLoadAfterOutagePerSecond),
        headline.rate("peak-retries", "Peak retry load after the stall", m.peakRetryLoadAfterOutagePerSecond),
        headline.rate("normal-load", "Normal load", m.normalLoadPerSecond),
        headline.seconds("recovery", "Time to recover", m.recoveryMs, 2),
        headline.count("attempts", "Attempts sent", m.attempts),
        headline.count("failed", "Requests failed", m.failed),
      ],
      summary: (m) => {
        const stall = `The server stalled from ${p.outageStartS} s to ${outage.endMs / 1000} s.`;
        const load =
          sim.now < outage.endMs
            ? ""
            : ` Afterwards retries peaked at ${describe(m.peakRetryLoadAfterOutagePerSecond, "req/s")}, total load at ` +
              `${describe(m.peakLoadAfterOutagePerSecond, "req/s")} (normal ${describe(m.normalLoadPerSecond, "req/s")}), and goodput ` +
              (m.recoveryMs === null ? "has not recovered." : `recovered in ${describeSeconds(m.recoveryMs)}.`);
        return `${stall}${load} ${m.attempts} attempts for ${m.requests} requests; ${m.failed} requests failed.`;
      },
    });
  },
});
