import { Simulation } from "../engine";
import { Fifo } from "../fifo";
import { Latency, sampleLatency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import { onCircle } from "./layout";
import { describe, round } from "./numbers";

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
const BACKOFF_BASE_MS = 100;
const BACKOFF_CAP_MS = 1600;
const BUDGET_PER_REQUEST = 0.1;
const BUDGET_CAPACITY = 1;
const BREAKER_THRESHOLD = 5;
const BREAKER_COOLDOWN_MS = 1000;
const LOAD_BUCKET_MS = 100;
const GOODPUT_BUCKET_MS = 250;
/** Peak load is looked for in this window after the server is back. */
const AFTER_OUTAGE_WINDOW_MS = 5000;
/** Recovered: goodput over a 1 s window is back to 90% of its level before the outage. */
const RECOVERY_WINDOW_MS = 1000;
const RECOVERY_FRACTION = 0.9;

type RetryPolicy = "none" | "exponential" | "full-jitter";

interface Attempt {
  readonly client: number;
  readonly request: number;
  readonly attempt: number;
}

type ClientTimer =
  | { readonly type: "next-request" }
  | { readonly type: "timeout"; readonly request: number; readonly attempt: number }
  | { readonly type: "retry"; readonly request: number };

type ServerTimer = { readonly type: "served"; readonly job: Attempt; readonly replyTo: string };

type StormTimer = ClientTimer | ServerTimer;

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
    {
      kind: "choice",
      key: "policy",
      label: "Retry policy",
      choices: [
        { value: "none", label: "Retry at once" },
        { value: "exponential", label: "Exponential backoff" },
        { value: "full-jitter", label: "Exponential backoff, full jitter" },
      ],
      default: "none",
      help: "How long a client waits before retrying: not at all, 100 ms doubling to 1.6 s, or a random part of that.",
    },
    {
      kind: "boolean",
      key: "retryBudget",
      label: "Retry budget",
      default: false,
      help: "Each client may retry at most about 10% of its requests (a token bucket).",
    },
    {
      kind: "boolean",
      key: "circuitBreaker",
      label: "Circuit breaker",
      default: false,
      help: "After 5 failures in a row a client stops calling for 1 s, then lets one probe through.",
    },
    {
      kind: "number",
      key: "maxAttempts",
      label: "Attempts per request",
      min: 1,
      max: 10,
      step: 1,
      default: 8,
      unit: "",
      help: "Tries (first one included) before a client gives a request up.",
    },
    {
      kind: "number",
      key: "clients",
      label: "Clients",
      min: 10,
      max: 120,
      step: 5,
      default: 50,
      unit: "",
      help: "Each sends a request, waits, pauses about 150 ms, and sends the next.",
    },
    {
      kind: "number",
      key: "timeoutMs",
      label: "Client timeout",
      min: 20,
      max: 1000,
      step: 10,
      default: 100,
      unit: "ms",
      help: "How long a client waits for an answer before counting the attempt as failed.",
    },
    {
      kind: "number",
      key: "outageStartS",
      label: "Server stalls at",
      min: 1,
      max: 10,
      step: 0.5,
      default: 5,
      unit: "s",
      help: "When the server stops answering (it still accepts and queues requests).",
    },
    {
      kind: "number",
      key: "outageLengthS",
      label: "Stall length",
      min: 0,
      max: 8,
      step: 0.5,
      default: 5,
      unit: "s",
      help: "How long the server answers nothing.",
    },
  ],
  presets: [
    {
      id: "naive",
      label: "Retry at once",
      description: "No backoff, no budget, no breaker.",
      params: { policy: "none", retryBudget: false, circuitBreaker: false },
    },
    {
      id: "backoff",
      label: "Exponential backoff",
      description: "Backoff without jitter: the retries arrive in waves.",
      params: { policy: "exponential", retryBudget: false, circuitBreaker: false },
    },
    {
      id: "jitter",
      label: "Full jitter",
      description: "Backoff with full jitter: the waves are spread out.",
      params: { policy: "full-jitter", retryBudget: false, circuitBreaker: false },
    },
    {
      id: "fixed",
      label: "Jitter, budget and breaker",
      description: "Everything on: few retries, little stale work, the fastest recovery.",
      params: { policy: "full-jitter", retryBudget: true, circuitBreaker: true },
    },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<RetryStormMetrics> {
    const sim = new Simulation<Attempt, StormTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const policy: RetryPolicy = p.policy;
    const outageStart = p.outageStartS * 1000;
    const outageEnd = outageStart + p.outageLengthS * 1000;

    const serverLoad = sim.metrics.rate("attempts reaching the server", LOAD_BUCKET_MS);
    const retryLoad = sim.metrics.rate("retries reaching the server", LOAD_BUCKET_MS);
    const goodput = sim.metrics.rate("successful requests", GOODPUT_BUCKET_MS);
    const queueSeries = sim.metrics.gauge("server queue", LOAD_BUCKET_MS);
    let requests = 0;
    let succeeded = 0;
    let failed = 0;
    let attempts = 0;
    let retries = 0;
    let attemptsDuringOutage = 0;
    let lateResponses = 0;
    let breakerRejections = 0;

    // ---- server ------------------------------------------------------------------------
    const queue = new Fifo<{ job: Attempt; replyTo: string }>();
    let busy = 0;
    let stalled = false;
    const overloadDepth = (WORKERS * p.timeoutMs) / 10; // queue wait above the timeout
    let shownDegraded = false;
    const showServerState = (): void => {
      queueSeries.set(sim.now, queue.length);
      const degraded = stalled || queue.length > overloadDepth;
      if (degraded !== shownDegraded) {
        shownDegraded = degraded;
        sim.setStatus("server", degraded ? "degraded" : "up");
      }
    };
    const startWork = (): void => {
      while (!stalled && busy < WORKERS && queue.length > 0) {
        const next = queue.shift();
        if (next === undefined) break;
        busy++;
        sim.setTimer("server", sampleLatency(SERVICE, sim.rng), { type: "served", job: next.job, replyTo: next.replyTo });
      }
    };
    sim.addNode({
      id: "server",
      label: "Server",
      role: "server",
      x: 0.5,
      y: 0.5,
      gauges: () => [
        { label: "queue", value: queue.length },
        { label: "busy", value: busy },
      ],
      onMessage: (message) => {
        serverLoad.add(sim.now);
        if (message.payload.attempt > 1) retryLoad.add(sim.now);
        queue.push({ job: message.payload, replyTo: message.from });
        startWork();
        showServerState();
      },
      onTimer: (timer) => {
        // Work already started when the stall began still finishes.
        if (timer.payload.type !== "served") return;
        busy--;
        sim.send("server", timer.payload.replyTo, "response", timer.payload.job);
        startWork();
        showServerState();
      },
    });

    // ---- clients -----------------------------------------------------------------------
    for (let c = 0; c < p.clients; c++) {
      const id = `c${c + 1}`;
      let request = -1;
      let attempt = 0;
      let timeoutTimer = -1;
      let tokens = BUDGET_CAPACITY;
      let breaker: "closed" | "open" | "half-open" = "closed";
      let consecutiveFailures = 0;
      let openUntil = 0;

      const setBreaker = (state: "closed" | "open" | "half-open"): void => {
        breaker = state;
        sim.setStatus(id, state === "closed" ? "up" : state === "open" ? "open-circuit" : "half-open");
      };
      const finish = (ok: boolean): void => {
        if (ok) {
          succeeded++;
          goodput.add(sim.now);
        } else failed++;
        request = -1;
        sim.setTimer(id, sim.rng.exponential(THINK_MS), { type: "next-request" });
      };
      const sendAttempt = (): void => {
        if (p.circuitBreaker && breaker === "open") {
          if (sim.now < openUntil) {
            breakerRejections++;
            finish(false);
            return;
          }
          setBreaker("half-open"); // let this one attempt through as a probe
        }
        attempt++;
        attempts++;
        if (attempt > 1) retries++;
        if (sim.now >= outageStart && sim.now < outageEnd) attemptsDuringOutage++;
        sim.send(id, "server", attempt > 1 ? "retry" : "request", { client: c, request, attempt });
        timeoutTimer = sim.setTimer(id, p.timeoutMs, { type: "timeout", request, attempt });
      };
      const backoffMs = (): number => {
        if (policy === "none") return 0;
        const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
        return policy === "exponential" ? ceiling : sim.rng.uniform(0, ceiling);
      };
      const onFailure = (): void => {
        consecutiveFailures++;
        if (p.circuitBreaker && (breaker === "half-open" || consecutiveFailures >= BREAKER_THRESHOLD)) {
          setBreaker("open");
          openUntil = sim.now + BREAKER_COOLDOWN_MS;
          finish(false);
          return;
        }
        if (attempt >= p.maxAttempts) {
          finish(false);
          return;
        }
        if (p.retryBudget) {
          if (tokens < 1) {
            finish(false);
            return;
          }
          tokens -= 1;
        }
        const delay = backoffMs();
        if (delay === 0) sendAttempt();
        else sim.setTimer(id, delay, { type: "retry", request });
      };

      const position = onCircle(c, p.clients, 0.5, 0.5, 0.42);
      sim.addNode({
        id,
        label: `Client ${c + 1}`,
        role: "client",
        x: position.x,
        y: position.y,
        onTimer: (timer) => {
          const t = timer.payload;
          if (t.type === "next-request") {
            request = requests++;
            attempt = 0;
            if (p.retryBudget) tokens = Math.min(BUDGET_CAPACITY, tokens + BUDGET_PER_REQUEST);
            sendAttempt();
          } else if (t.type === "timeout") {
            if (t.request !== request || t.attempt !== attempt) return;
            timeoutTimer = -1;
            onFailure();
          } else if (t.type === "retry") {
            if (t.request === request) sendAttempt();
          }
        },
        onMessage: (message) => {
          const reply = message.payload;
          if (reply.request !== request || reply.attempt !== attempt || timeoutTimer < 0) {
            lateResponses++;
            return;
          }
          sim.cancelTimer(timeoutTimer);
          timeoutTimer = -1;
          consecutiveFailures = 0;
          if (breaker !== "closed") setBreaker("closed");
          finish(true);
        },
      });
      sim.network.connect(id, "server");
      sim.setTimer(id, sim.rng.exponential(THINK_MS), { type: "next-request" });
    }

    if (p.outageLengthS > 0) {
      sim.schedule(outageStart, "server stalls", () => {
        stalled = true;
        showServerState();
      });
      sim.schedule(outageEnd, "server resumes", () => {
        stalled = false;
        startWork();
        showServerState();
      });
    }

    const normalLoad = (): number => {
      // Skip the first second, while clients are still starting.
      const points = serverLoad.points(Math.min(sim.now, outageStart)).filter(([t]) => t >= 1000);
      return points.length === 0 ? 0 : points.reduce((sum, [, v]) => sum + v, 0) / points.length;
    };
    const normalGoodput = (): number => {
      const points = goodput.points(Math.min(sim.now, outageStart)).filter(([t]) => t >= 1000);
      return points.length === 0 ? 0 : points.reduce((sum, [, v]) => sum + v, 0) / points.length;
    };
    const peakAfterOutage = (series: typeof serverLoad): number => {
      let peak = 0;
      for (const [t, v] of series.points(sim.now)) {
        if (t >= outageEnd && t < outageEnd + AFTER_OUTAGE_WINDOW_MS) peak = Math.max(peak, v);
      }
      return peak;
    };
    const recoveryMs = (): number | null => {
      const target = RECOVERY_FRACTION * normalGoodput();
      const points = goodput.points(sim.now);
      const perWindow = RECOVERY_WINDOW_MS / GOODPUT_BUCKET_MS;
      for (let i = 0; i + perWindow <= points.length; i++) {
        const start = points[i]?.[0] ?? 0;
        if (start < outageEnd) continue;
        let sum = 0;
        for (let j = i; j < i + perWindow; j++) sum += points[j]?.[1] ?? 0;
        if (sum / perWindow >= target) return start - outageEnd;
      }
      return null;
    };

    const measure = (): RetryStormMetrics => ({
      requests,
      succeeded,
      failed,
      attempts,
      retries,
      attemptsDuringOutage,
      normalLoadPerSecond: normalLoad(),
      peakLoadAfterOutagePerSecond: peakAfterOutage(serverLoad),
      peakRetryLoadAfterOutagePerSecond: peakAfterOutage(retryLoad),
      recoveryMs: sim.now >= outageEnd ? recoveryMs() : null,
      lateResponses,
      breakerRejections,
    });

    return {
      sim,
      markers: () =>
        p.outageLengthS > 0
          ? [
              { t: outageStart, label: "server stalls" },
              { t: outageEnd, label: "server resumes" },
            ]
          : [],
      measure,
      charts: () => [
        {
          id: "load",
          chart: "Load on the server",
          label: "all attempts",
          unit: "req/s",
          points: serverLoad.points(sim.now),
        },
        { id: "retries", chart: "Load on the server", label: "retries", unit: "req/s", points: retryLoad.points(sim.now) },
        { id: "goodput", chart: "Goodput", label: "requests that succeeded", unit: "req/s", points: goodput.points(sim.now) },
        { id: "queue", chart: "Server queue", label: "waiting attempts", unit: "attempts", points: queueSeries.points(sim.now) },
      ],
      headline: () => {
        const m = measure();
        return [
          { id: "peak-load", label: "Peak load after the stall", value: round(m.peakLoadAfterOutagePerSecond, 0), unit: "req/s" },
          { id: "peak-retries", label: "Peak retry load after the stall", value: round(m.peakRetryLoadAfterOutagePerSecond, 0), unit: "req/s" },
          { id: "normal-load", label: "Normal load", value: round(m.normalLoadPerSecond, 0), unit: "req/s" },
          { id: "recovery", label: "Time to recover", value: round(m.recoveryMs === null ? null : m.recoveryMs / 1000, 2), unit: "s" },
          { id: "attempts", label: "Attempts sent", value: m.attempts, unit: "" },
          { id: "failed", label: "Requests failed", value: m.failed, unit: "" },
        ];
      },
      summary: () => {
        const m = measure();
        const outage = `The server stalled from ${p.outageStartS} s to ${outageEnd / 1000} s.`;
        const load =
          sim.now < outageEnd
            ? ""
            : ` Afterwards retries peaked at ${describe(m.peakRetryLoadAfterOutagePerSecond, "req/s")}, total load at ` +
              `${describe(m.peakLoadAfterOutagePerSecond, "req/s")} (normal ${describe(m.normalLoadPerSecond, "req/s")}), and goodput ` +
              (m.recoveryMs === null ? "has not recovered." : `recovered in ${describe(m.recoveryMs / 1000, "s", 1)}.`);
        return `${outage}${load} ${m.attempts} attempts for ${m.requests} requests; ${m.failed} requests failed.`;
      },
    };
  },
});
