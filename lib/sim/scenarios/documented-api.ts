import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import {
  chart, Client, describeSeconds, fullJitterBackoff, headline, isClientTimer, Journal, noBackoff, param, peakIn, RequestLedger,
  ring, scenarioInstance, Timeline, WorkerPool, type Answer, type ClientTimer, type RetryRules, type Served,
} from "../kit";

/**
 * Lesson 20 (documentation): clients of an order API behave by what its docs told them.
 * From 5 s the payment dependency fails half the orders with a 503 *after* the order was
 * written, and the endpoint's rate limit (150 attempts a second) answers 429 with a
 * Retry-After of 1 s. The operator's alert fires 2 s into the incident; diagnosing takes
 * 6 s, or 1 s with a runbook linked from the alert, and then the dependency is mitigated.
 * - Undocumented: clients retry every error at once, so 503s make duplicate orders and
 *   429s make them hammer the endpoint.
 * - A documented error model (which problem types are retryable, with backoff) and a
 *   documented Retry-After slow the retries; idempotency keys let the server recognise a
 *   retried order; the runbook shortens the incident.
 */

const DURATION_MS = 20_000;
const INCIDENT_START_MS = 5000;
const LINK = { latency: Latency.uniform(2, 4), loss: 0 };
const THINK_MS = 200;
const TIMEOUT_MS = 500;
const MAX_ATTEMPTS = 6;
const LIMIT_PER_SECOND = 150;
const RETRY_AFTER_MS = 1000;
const FAIL_SHARE = 0.5;
const DETECT_MS = 2000;
const DIAGNOSE_MS = { without: 6000, runbook: 1000 };
const BUCKET_MS = 250;

interface Call {
  readonly call: number;
  readonly request: number;
}
type Reply = { readonly call: number; readonly answer: Answer };
type Timer = ClientTimer | Served<{ readonly call: Call; readonly replyTo: string }>;

export type DocumentedApiMetrics = {
  readonly requests: number;
  readonly failed: number;
  readonly attempts: number;
  readonly ordersWritten: number;
  /** Orders written more than once for one request. */
  readonly duplicates: number;
  readonly rateLimited: number;
  /** Highest attempts per second reaching the endpoint (250 ms buckets) during the incident. */
  readonly peakLoadPerSecond: number;
  /** From the incident's start until the dependency is mitigated (or the incident ends). */
  readonly timeToMitigateMs: number;
};

export const documentedApi = defineScenario({
  id: "documented-api",
  title: "A documented API: error model, Retry-After, idempotency keys, runbooks",
  lesson: "documentation",
  description:
    "Twenty clients place orders while a payment dependency fails half of them with a 503 after the " +
    "order was written, and a rate limit answers 429. Clients do what the docs told them: with no docs " +
    "they retry everything at once, duplicating orders and hammering the endpoint. Document the error " +
    "model, Retry-After and idempotency keys, and link a runbook from the alert, and watch each incident go.",
  params: [
    param.toggle("errorModel", "Documented error model", false, "Problem types say which errors are retryable and that retries back off."),
    param.toggle("retryAfter", "Documented Retry-After", false, "Clients wait the Retry-After of a 429 or 503 before retrying."),
    param.toggle("idempotencyKeys", "Idempotency keys", false, "Each order carries a key; the server writes a retried order only once."),
    param.toggle("runbook", "Runbook linked from the alert", false, "Diagnosis takes 1 s instead of 6 s."),
    param.number("incidentS", "Incident length", { min: 0, max: 12, step: 1, default: 10, unit: "s" }, "How long the dependency fails if nobody mitigates it."),
    param.number("clients", "Clients", { min: 5, max: 40, step: 5, default: 20 }, "Each places an order, waits for it, pauses 200 ms."),
  ],
  presets: [
    { id: "naive", label: "Undocumented API", description: "Clients guess: they retry every error at once.", params: { errorModel: false, retryAfter: false, idempotencyKeys: false, runbook: false } },
    { id: "errors", label: "Error model and Retry-After", description: "Retries back off and wait the Retry-After.", params: { errorModel: true, retryAfter: true, idempotencyKeys: false, runbook: false } },
    { id: "keys", label: "Plus idempotency keys", description: "A retried order is written once.", params: { errorModel: true, retryAfter: true, idempotencyKeys: true, runbook: false } },
    { id: "fixed", label: "Plus a runbook", description: "Every fact documented, and a runbook linked from the alert.", params: { errorModel: true, retryAfter: true, idempotencyKeys: true, runbook: true } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<DocumentedApiMetrics> {
    const sim = new Simulation<Call | Reply, Timer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const requests = new RequestLedger(sim, { bucketMs: BUCKET_MS });
    const load = sim.metrics.rate("attempts reaching the endpoint", BUCKET_MS);
    const failRng = sim.rng.fork();

    const mitigateAt = INCIDENT_START_MS + Math.min(p.incidentS * 1000, DETECT_MS + (p.runbook ? DIAGNOSE_MS.runbook : DIAGNOSE_MS.without));
    let incident = false;
    const written = new Map<number, number>(); // request -> orders written for it
    let ordersWritten = 0;
    let duplicates = 0;
    let rateLimited = 0;
    let window = -1;
    let inWindow = 0;

    const server = new WorkerPool(sim, "orders", {
      workers: 8,
      serviceTime: Latency.uniform(8, 12),
      onDone: ({ call, replyTo }) => {
        const fails = failRng.bernoulli(FAIL_SHARE); // drawn for every order, failing or not
        const before = written.get(call.request) ?? 0;
        if (before === 0 || !p.idempotencyKeys) {
          written.set(call.request, before + 1);
          ordersWritten++;
          if (before > 0) {
            duplicates++;
            if (duplicates === 1) journal.note(`order of request ${call.request} written twice: the first duplicate`, "bad");
          }
        }
        const answer: Answer = incident && fails && !(p.idempotencyKeys && before > 0) ? { ok: false, retryable: true, retryAfterMs: RETRY_AFTER_MS } : { ok: true };
        sim.send("orders", replyTo, "response", { call: call.call, answer });
      },
    });
    sim.addNode({
      id: "orders",
      label: "Orders API",
      role: "server",
      x: 0.5,
      y: 0.5,
      gauges: () => [{ label: "queue", value: server.queued }],
      onMessage: (message) => {
        const call = message.payload as Call;
        load.add(sim.now);
        const w = Math.floor(sim.now / 1000);
        if (w !== window) { window = w; inWindow = 0; }
        if (++inWindow > LIMIT_PER_SECOND) {
          rateLimited++;
          sim.send("orders", message.from, "response", { call: call.call, answer: { ok: false, retryable: true, retryAfterMs: RETRY_AFTER_MS } });
          return;
        }
        server.offer({ call, replyTo: message.from });
      },
      onTimer: (timer) => {
        if (timer.payload.type === "served") server.finish(timer.payload);
      },
    });

    const retry: RetryRules = {
      maxAttempts: MAX_ATTEMPTS,
      backoff: p.errorModel ? fullJitterBackoff(200, 3200) : noBackoff,
      honorRetryAfter: p.retryAfter,
      budget: null,
      breaker: null,
    };
    for (let c = 0; c < p.clients; c++) {
      const id = `c${c + 1}`;
      const client = new Client<Call | Reply>(sim, {
        node: id,
        requests,
        timeoutMs: TIMEOUT_MS,
        retry,
        target: () => "orders",
        message: ({ call, request }) => ({ call, request }),
      });
      sim.addNode({
        id,
        label: `Client ${c + 1}`,
        role: "client",
        ...ring(c, p.clients, 0.5, 0.5, 0.42),
        onTimer: (timer) => {
          if (isClientTimer(timer.payload)) client.onTimer(timer.payload);
        },
        onMessage: (message) => {
          const reply = message.payload as Reply;
          client.reply(reply.call, reply.answer);
        },
      });
      sim.network.connect(id, "orders");
      client.closedLoop(THINK_MS);
    }

    if (p.incidentS > 0) {
      timeline.at(INCIDENT_START_MS, "503s", () => {
        incident = true;
        sim.setStatus("orders", "degraded");
        journal.note("payments start failing: orders are written, then answered 503", "bad");
      });
      timeline.at(INCIDENT_START_MS + DETECT_MS, "alert", () => journal.note(p.runbook ? "alert fires; its runbook says: fail over payments" : "alert fires; the operator starts diagnosing", "info"));
      timeline.at(mitigateAt, "mitigated", () => {
        incident = false;
        sim.setStatus("orders", "up");
        journal.note(`payments mitigated ${describeSeconds(mitigateAt - INCIDENT_START_MS)} after the incident began`, "good");
      });
    }

    const measure = (): DocumentedApiMetrics => ({
      requests: requests.started,
      failed: requests.failures,
      attempts: requests.attempts,
      ordersWritten,
      duplicates,
      rateLimited,
      peakLoadPerSecond: peakIn(load.points(sim.now), INCIDENT_START_MS, mitigateAt + RETRY_AFTER_MS),
      timeToMitigateMs: p.incidentS > 0 ? mitigateAt - INCIDENT_START_MS : 0,
    });

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => [
        ...chart("Load on the order endpoint", "req/s", [["load", "attempts", load.points(sim.now)]]),
        ...chart("Orders per second", "req/s", [
          ["failures", "failed", requests.failureRate.points(sim.now)],
          ["ok", "succeeded", requests.okRate.points(sim.now)],
        ]),
      ],
      headline: (m) => [
        headline.count("duplicates", "Duplicate orders", m.duplicates),
        headline.rate("peak-load", "Peak load in the incident", m.peakLoadPerSecond),
        headline.count("failed", "Orders failed", m.failed),
        headline.seconds("mitigate", "Time to mitigate", m.timeToMitigateMs, 0),
      ],
      summary: (m) => {
        return `${m.requests} orders placed with ${m.attempts} attempts; ${m.duplicates} written twice, ${m.failed} failed, ${m.rateLimited} answered 429; load peaked at ${Math.round(m.peakLoadPerSecond)} req/s.`;
      },
    });
  },
});
