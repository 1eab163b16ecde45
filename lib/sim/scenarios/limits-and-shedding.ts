import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { SnapshotTable } from "../snapshot";
import {
  Arrivals, cell, chart, Client, describe, headline, isClientTimer, meanIn, param, percent, RequestLedger, scenarioInstance, Timeline, WorkerPool,
  type ArrivalTimer, type ClientTimer, type Served,
} from "../kit";
import { TokenBucket } from "../kit/token-bucket";
import { busiestSpan, FixedWindow, SlidingWindowLog, type RateLimiter } from "../kit/window-limiters";

/**
 * Lesson 15 (rate-limiting): a per-key rate limit at a window edge, then overload.
 *
 * An API (ten workers, 40 ms per request on average: 250 requests a second) serves three
 * kinds of traffic: checkout calls (critical), report calls (sheddable), and one API key's
 * batch job, which is rate limited to `limit` requests a second and sends a steady 80 a second
 * plus a burst of 100 just before and 100 just after the window edge at 2 s. A fixed window
 * counts per calendar second and lets the two bursts through within 100 ms; a sliding window
 * log never admits more than the limit in any second; a token bucket admits at most its
 * burst plus the rate. A refused request gets 429 with Retry-After.
 *
 * From 10 s to 20 s a sale brings `overload` × capacity. With an unbounded queue the wait
 * passes every client's 1 s timeout and the API works hard on answers nobody reads; a bounded
 * queue (100) answers the excess with a fast 503 and keeps the admitted ones fresh; shedding by
 * criticality refuses sheddable work once 20 requests wait and critical work only when full.
 *
 * Simplifications: clients do not retry (the fault-tolerance and documentation demos cover
 * retries and Retry-After); the limit applies to the one batch key; the network adds 1 ms.
 */

const DURATION_MS = 24_000;
const WORKERS = 10;
const SERVICE_MS = 40;
const CAPACITY_PER_S = (WORKERS * 1000) / SERVICE_MS;
const BATCH_RATE_PER_S = 80;
const NORMAL_RATE_PER_S = 100; // checkout + reports, before and after the sale
const EDGE_MS = 2000;
const BURST = 100;
const BURST_SPAN_MS = 50;
const OVERLOAD = { from: 10_000, to: 20_000 };
const TIMEOUT_MS = 1000;
const QUEUE_LIMIT = 100;
const SHED_SHEDDABLE_AT = 20;
const LINK = { latency: Latency.constant(1), loss: 0 };

type Tenant = "batch" | "checkout" | "reports";
type Payload =
  | { readonly op: "call"; readonly call: number }
  | { readonly op: "answer"; readonly call: number; readonly status: 200 | 429 | 503; readonly retryAfterMs?: number };
interface Job {
  readonly call: number;
  readonly replyTo: Tenant;
}
type Timer = ArrivalTimer | ClientTimer | Served<Job>;

export type LimitsMetrics = {
  /** Most of the batch key's requests the live limiter admitted within any 1 s. */
  readonly mostAdmittedInOneSecond: number;
  readonly limitPerSecond: number;
  /** Requests answered ok per second during the sale, as a share of the API's capacity. */
  readonly goodputDuringOverloadPercent: number;
  readonly criticalFailed: number;
  readonly criticalRequests: number;
  readonly sheddableFailedPercent: number;
  readonly timedOut: number;
  readonly checkoutP99Ms: number | null;
  readonly mostQueued: number;
  /** Worst 1 s on this run's batch-key arrivals, replayed through each limiter. */
  readonly worstSecondFixed: number;
  readonly worstSecondSliding: number;
  readonly worstSecondToken: number;
};

export const limitsAndShedding = defineScenario({
  id: "limits-and-shedding",
  title: "Rate limits at a window edge, then overload",
  lesson: "rate-limiting",
  description:
    "An API serves checkout calls, report calls and one API key's batch job, which is limited to " +
    "100 requests a second. The batch job bursts at a window edge; then a sale brings twice what " +
    "the API can serve. Pick the limiter and what the API does with work it cannot serve yet.",
  params: [
    param.choice("limiter", "Limiter on the batch key", [["fixed", "Fixed window"], ["sliding", "Sliding window log"], ["token", "Token bucket"]], "fixed", "How the batch job's requests are counted against its limit."),
    param.number("limit", "Limit", { min: 50, max: 200, step: 10, default: 100, unit: "req/s" }, "Requests a second the batch key may make."),
    param.number("burst", "Bucket size", { min: 1, max: 100, step: 1, default: 20 }, "Token bucket only: the burst a quiet key may spend at once."),
    param.number("overload", "Sale traffic", { min: 1, max: 3, step: 0.25, default: 2, unit: "× capacity" }, "Total arrivals from 10 s to 20 s, as a multiple of the API's 250 requests a second."),
    param.choice("queue", "Work it cannot serve yet", [["unbounded", "Queue without bound"], ["bounded", "Bounded queue, then 503"], ["criticality", "Shed by criticality"]], "unbounded", "Queue everything, refuse once 100 wait, or refuse sheddable work first (once 20 wait)."),
    param.number("criticalPercent", "Critical share", { min: 10, max: 90, step: 5, default: 30, unit: "%" }, "Share of checkout (critical) calls in the shop's traffic; the rest are reports."),
  ],
  presets: [
    { id: "naive", label: "Fixed window, unbounded queue", description: "200 batch requests pass within 100 ms; the sale's queue outgrows every timeout.", params: { limiter: "fixed", queue: "unbounded" } },
    { id: "sliding", label: "Sliding window", description: "The edge burst is held to the limit; the queue still has no bound.", params: { limiter: "sliding", queue: "unbounded" } },
    { id: "bounded", label: "Token bucket, bounded queue", description: "Excess work gets a fast 503; what is admitted is served in time.", params: { limiter: "token", queue: "bounded" } },
    { id: "criticality", label: "Token bucket, shed by criticality", description: "Reports and the batch job are refused first; checkout keeps working.", params: { limiter: "token", queue: "criticality" } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<LimitsMetrics> {
    const sim = new Simulation<Payload, Timer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const makeLimiter = (kind: typeof p.limiter): RateLimiter =>
      kind === "fixed" ? new FixedWindow(p.limit, 1000) : kind === "sliding" ? new SlidingWindowLog(p.limit, 1000) : new TokenBucket(p.limit, p.burst);
    const limiter = makeLimiter(p.limiter);
    const batchArrivals: number[] = [];
    const batchAdmitted: number[] = [];
    const admittedRate = sim.metrics.rate("batch key admitted", 100);
    const queueSeries = sim.metrics.gauge("queue", 250);
    const ledgers: Record<Tenant, RequestLedger> = {
      batch: new RequestLedger(sim, { bucketMs: 500, name: "batch" }),
      checkout: new RequestLedger(sim, { bucketMs: 500, name: "checkout" }),
      reports: new RequestLedger(sim, { bucketMs: 500, name: "reports" }),
    };
    const sale = timeline.window(OVERLOAD.from, OVERLOAD.to, { label: "sale", run: () => {} }, { label: "sale ends", run: () => {} });
    const shopRate = (): number => (sale.contains(sim.now) ? p.overload * CAPACITY_PER_S - BATCH_RATE_PER_S : NORMAL_RATE_PER_S);
    const rates: Record<Tenant, () => number> = {
      batch: () => BATCH_RATE_PER_S,
      checkout: () => (shopRate() * p.criticalPercent) / 100,
      reports: () => (shopRate() * (100 - p.criticalPercent)) / 100,
    };

    // ---- the API: a limiter on the batch key, then a pool of workers behind a queue ---------
    const api = new WorkerPool<Job>(sim, "api", {
      workers: WORKERS,
      queueLimit: p.queue === "unbounded" ? Number.POSITIVE_INFINITY : QUEUE_LIMIT,
      serviceTime: Latency.exponential(SERVICE_MS),
      onDone: ({ call, replyTo }) => sim.send("api", replyTo, "response", { op: "answer", call, status: 200 }),
    });
    const refuse = (to: Tenant, call: number, status: 429 | 503, retryAfterMs: number): void => {
      sim.send("api", to, "error", { op: "answer", call, status, retryAfterMs });
    };
    const showQueue = (): void => queueSeries.set(sim.now, api.queued);
    sim.addNode({
      id: "api", label: "API", role: "server", x: 0.72, y: 0.5,
      gauges: () => [{ label: "waiting", value: api.queued }, { label: "busy", value: api.busy }],
      onMessage: (message) => {
        const m = message.payload;
        if (m.op !== "call") return;
        const from = message.from as Tenant;
        if (from === "batch") {
          batchArrivals.push(sim.now);
          if (!limiter.admit(sim.now)) return refuse(from, m.call, 429, Math.ceil(limiter.waitMs(sim.now)));
          batchAdmitted.push(sim.now);
          admittedRate.add(sim.now);
        }
        if (p.queue === "criticality" && from !== "checkout" && api.queued >= SHED_SHEDDABLE_AT) return refuse(from, m.call, 503, 1000);
        if (api.offer({ call: m.call, replyTo: from }) === "rejected") refuse(from, m.call, 503, 1000);
        showQueue();
      },
      onTimer: (timer) => {
        if (timer.payload.type !== "served") return;
        api.finish(timer.payload);
        showQueue();
      },
    });

    // ---- the clients: open-loop arrivals, a 1 s timeout, no retries -------------------------
    const tenants: readonly [Tenant, string, number][] = [["checkout", "Checkout", 0.2], ["reports", "Reports", 0.5], ["batch", "Batch job (one key)", 0.8]];
    for (const [id, label, y] of tenants) {
      const client = new Client<Payload>(sim, { node: id, requests: ledgers[id], timeoutMs: TIMEOUT_MS, target: () => "api", message: ({ call }) => ({ op: "call", call }) });
      // Each tenant draws its arrivals from its own stream, so every setting sees the same arrivals.
      const arrivalRng = sim.rng.fork();
      const arrivals = new Arrivals(sim, id, () => arrivalRng.exponential(1000 / rates[id]()));
      sim.addNode({
        id, label, role: "client", x: 0.15, y,
        onTimer: (timer) => {
          if (timer.payload.type === "arrival") {
            client.issue(ledgers[id].start());
            arrivals.next();
          } else if (isClientTimer(timer.payload)) client.onTimer(timer.payload);
        },
        onMessage: (message) => {
          const m = message.payload;
          if (m.op !== "answer") return;
          client.reply(m.call, m.status === 200 ? { ok: true } : { ok: false, retryable: true, retryAfterMs: m.retryAfterMs });
        },
      });
      sim.network.connect(id, "api");
      arrivals.next();
      if (id === "batch") {
        // The burst: 100 requests in the 50 ms before the window edge and 100 in the 50 ms after.
        timeline.at(EDGE_MS - BURST_SPAN_MS, "edge burst", () => {});
        for (let i = 0; i < 2 * BURST; i++) {
          sim.schedule(EDGE_MS - BURST_SPAN_MS + (i * BURST_SPAN_MS) / BURST, "burst request", () => client.issue(ledgers.batch.start()));
        }
      }
    }

    const worstSecond = (kind: typeof p.limiter): number => {
      const replayed = makeLimiter(kind);
      return busiestSpan(batchArrivals.filter((t) => replayed.admit(t)), 1000);
    };
    const goodputDuring = (): number => {
      const end = Math.min(sim.now, OVERLOAD.to);
      if (end <= OVERLOAD.from) return 0;
      const ok = (["batch", "checkout", "reports"] as const).reduce((sum, t) => sum + meanIn(ledgers[t].okRate.points(sim.now), OVERLOAD.from, end), 0);
      return percent(ok, CAPACITY_PER_S);
    };

    const measure = (): LimitsMetrics => {
      const shop = ledgers.reports;
      return {
        mostAdmittedInOneSecond: busiestSpan(batchAdmitted, 1000),
        limitPerSecond: p.limit,
        goodputDuringOverloadPercent: goodputDuring(),
        criticalFailed: ledgers.checkout.failures,
        criticalRequests: ledgers.checkout.started,
        sheddableFailedPercent: shop.failurePercent(),
        timedOut: ledgers.batch.timedOut + ledgers.checkout.timedOut + ledgers.reports.timedOut,
        checkoutP99Ms: ledgers.checkout.latency.percentile(99),
        mostQueued: api.maxQueued,
        worstSecondFixed: worstSecond("fixed"),
        worstSecondSliding: worstSecond("sliding"),
        worstSecondToken: worstSecond("token"),
      };
    };

    const limiterTable = (m: LimitsMetrics): SnapshotTable => {
      const row = (label: string, admitted: number, bound: number) => ({
        label,
        cells: [
          { text: `${admitted}`, tone: admitted > bound ? ("bad" as const) : ("good" as const) },
          cell.plain(`${describe(admitted / p.limit, "", 2)}×`),
        ],
      });
      return {
        // title before id: bench-pages finds a scenario chunk by `id:"…",title:"`, which a table must not look like.
        title: "Worst second of this run's batch requests, by limiter", id: "limiters", rowHeader: "Limiter",
        columns: ["admitted in 1 s", "of the limit"],
        rows: [
          row("Fixed window", m.worstSecondFixed, p.limit),
          row("Sliding window log", m.worstSecondSliding, p.limit),
          row(`Token bucket (${p.burst})`, m.worstSecondToken, p.limit + p.burst),
        ],
      };
    };

    return scenarioInstance({
      sim, timeline, measure,
      tables: () => [limiterTable(measure())],
      charts: () => [
        ...chart("Batch key admitted (per 100 ms)", "req/s", [
          ["admitted", "admitted", admittedRate.points(sim.now)],
          ["limit", "limit", admittedRate.points(sim.now).map(([t]) => [t, p.limit])],
        ]),
        ...chart("API queue", "requests", [["queue", "waiting", queueSeries.points(sim.now)]]),
        ...chart("Answered in time", "req/s", [
          ["good-checkout", "checkout", ledgers.checkout.okRate.points(sim.now)],
          ["good-reports", "reports", ledgers.reports.okRate.points(sim.now)],
        ]),
      ],
      headline: (m) => [
        headline.count("most-admitted", "Batch key, most in 1 s", m.mostAdmittedInOneSecond, `of ${p.limit}`),
        headline.rate("goodput", "Answered in time, sale", sim.now > OVERLOAD.from ? (m.goodputDuringOverloadPercent * CAPACITY_PER_S) / 100 : null, `req/s of ${CAPACITY_PER_S}`),
        headline.count("critical-failed", "Checkout calls failed", m.criticalFailed),
        headline.percent("sheddable-failed", "Reports failed", m.sheddableFailedPercent),
        headline.ms("checkout-p99", "Checkout p99", m.checkoutP99Ms),
      ],
      summary: (m) => {
        const limit = `The ${p.limiter === "fixed" ? "fixed window" : p.limiter === "sliding" ? "sliding window" : "token bucket"} let through at most ${m.mostAdmittedInOneSecond} of the batch key's requests in any second (limit ${p.limit}).`;
        if (sim.now <= OVERLOAD.from) return limit;
        const goodput = (m.goodputDuringOverloadPercent * CAPACITY_PER_S) / 100;
        const sale = ` During the sale the API answered ${describe(goodput, "requests a second", 0)} in time (its capacity is about ${CAPACITY_PER_S}); ${m.criticalFailed} of ${m.criticalRequests} checkout calls failed and ${describe(m.sheddableFailedPercent, "%", 1)} of reports.`;
        return limit + sale;
      },
    });
  },
});
