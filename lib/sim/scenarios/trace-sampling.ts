import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import { Arrivals, cell, chart, describe, headline, Journal, param, poisson, RequestLedger, row, scenarioInstance, type ArrivalTimer } from "../kit";
import { Tracer, type Sampler, type Trace } from "../kit/tracing";

/**
 * Lesson 13 (observability): a checkout crosses five services in a row, and the fraud check
 * is slow (400-600 ms) for a small share of calls. The mean latency hardly moves; the p99 is
 * the slow call. Each service records a span and passes the trace context to the next,
 * unless the learner picks one that drops it: the next service then starts a new trace, and
 * every request becomes two traces that each look complete. The sampler decides which traces
 * are stored: head sampling at 1% or 10% decides when the trace starts, before anyone knows
 * it will be slow; tail sampling decides when it ends, keeping every trace slower than
 * 300 ms and 1% of the rest.
 *
 * Each service works 6-12 ms before calling the next and answers when the next has
 * answered; services have unlimited concurrency, links take 1-2 ms, and nothing fails.
 */

const DURATION_MS = 20_000;
const ARRIVALS_PER_S = 100;
const LINK = { latency: Latency.uniform(1, 2), loss: 0 };
const WORK = { min: 6, max: 12 };
const SLOW_WORK = { min: 400, max: 600 };
const SLOW_TRACE_MS = 300;
const BUCKET_MS = 1000;
const SERVICES = [
  ["gateway", "Gateway"],
  ["orders", "Orders"],
  ["inventory", "Inventory"],
  ["payments", "Payments"],
  ["fraud", "Fraud check"],
] as const;
const SLOW_SERVICE = "fraud";
const NOTED = 3;

const SAMPLERS = {
  "head-1": { kind: "head", rate: 0.01 },
  "head-10": { kind: "head", rate: 0.1 },
  tail: { kind: "tail", slowerThanMs: SLOW_TRACE_MS, rest: 0.01 },
} as const satisfies Record<string, Sampler>;

type Message = { readonly op: "call"; readonly req: number; readonly context: number | null } | { readonly op: "done"; readonly req: number };
type Timer = ArrivalTimer | { readonly type: "work"; readonly req: number };

export type TraceSamplingMetrics = {
  readonly completed: number;
  readonly meanMs: number | null;
  readonly p99Ms: number | null;
  readonly slowRequests: number;
  /** Slow requests whose one, unsplit trace was stored: the ones an engineer can follow end to end. */
  readonly slowRequestsTracedWhole: number;
  /** Completed requests that produced two traces. */
  readonly completedWithTwoTraces: number;
  readonly tracesProduced: number;
  readonly tracesStored: number;
  readonly slowTracesProduced: number;
  readonly slowTracesKept: number;
  readonly splitTracesProduced: number;
};

export const traceSampling = defineScenario({
  id: "trace-sampling",
  title: "The mean hides it, a dropped header splits it",
  lesson: "observability",
  description:
    "A checkout crosses five services; the fraud check is slow for 2% of calls. Watch the mean " +
    "stay low while the p99 shows the slow calls, see a service that drops the trace context " +
    "split every trace in two, and compare what head and tail sampling keep of the slow ones.",
  params: [
    param.number("slowPercent", "Slow fraud checks", { min: 0, max: 10, step: 0.5, default: 2, unit: "%" }, "Share of fraud-check calls that take 400-600 ms."),
    param.choice(
      "dropsContext",
      "Drops the trace context",
      [
        ["none", "No service"],
        ["gateway", "Gateway"],
        ["orders", "Orders"],
        ["inventory", "Inventory"],
        ["payments", "Payments"],
      ],
      "none",
      "This service calls the next one without traceparent, so the next one starts a new trace.",
    ),
    param.choice(
      "sampler",
      "Sampler",
      [
        ["head-1", "Head, 1%"],
        ["head-10", "Head, 10%"],
        ["tail", "Tail: slow + 1%"],
      ],
      "head-1",
      "Head decides when a trace starts; tail decides when it ends, keeping every trace over 300 ms and 1% of the rest.",
    ),
  ],
  presets: [
    {
      id: "dropped-head",
      label: "Context dropped, head 1%",
      description: "Orders calls inventory without the header; 1% of traces are kept, chosen at the gateway.",
      params: { dropsContext: "orders", sampler: "head-1" },
    },
    { id: "propagated-head", label: "Context propagated, head 1%", description: "Every hop passes traceparent; still 1% head sampling.", params: { dropsContext: "none", sampler: "head-1" } },
    { id: "propagated-tail", label: "Context propagated, tail sampling", description: "Every hop passes traceparent; every slow trace is kept.", params: { dropsContext: "none", sampler: "tail" } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<TraceSamplingMetrics> {
    const sim = new Simulation<Message, Timer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    // The sampler's coins have their own stream: the sampler and the split never move the latencies.
    const tracer = new Tracer(sim, sim.rng.fork(), SAMPLERS[p.sampler], SLOW_TRACE_MS);
    const journal = new Journal(sim);
    const requests = new RequestLedger(sim, { bucketMs: BUCKET_MS });
    const meanLatency = sim.metrics.mean("latency-mean", BUCKET_MS);
    const keptRate = sim.metrics.rate("kept", BUCKET_MS);
    const keptSlowRate = sim.metrics.rate("kept-slow", BUCKET_MS);
    const open = new Map<number, Trace>();
    const rootTrace = new Map<number, Trace>();
    const tracesOf = new Map<number, number>();
    const split = p.dropsContext !== "none";
    let slowRequests = 0;
    let slowTracedWhole = 0;
    let completedWithTwo = 0;
    let splitsNoted = 0;
    let slowNoted = 0;

    // ---- the services: a span each, the context passed on (or not) ------------------------
    SERVICES.forEach(([id, label], i) => {
      const next = SERVICES[i + 1]?.[0] ?? null;
      const hops = new Map<number, { readonly from: string; readonly trace: Trace; readonly owns: boolean }>();
      sim.addNode({
        id,
        label,
        role: "service",
        ...row(i + 1, SERVICES.length + 1, i % 2 === 0 ? 0.62 : 0.38, 0.07),
        gauges: () => [{ label: "in flight", value: hops.size }],
        onMessage: ({ from, payload: m }) => {
          if (m.op === "call") {
            let trace = m.context === null ? undefined : open.get(m.context);
            const owns = trace === undefined;
            if (trace === undefined) {
              trace = tracer.start(id, split);
              open.set(trace.id, trace);
              tracesOf.set(m.req, (tracesOf.get(m.req) ?? 0) + 1);
              if (id === "gateway") rootTrace.set(m.req, trace);
              else if (splitsNoted++ < NOTED) {
                journal.note(`request ${m.req + 1}: ${SERVICES[i - 1]?.[1]} called ${label} without traceparent; ${label} started trace ${trace.id}`, "bad");
              }
            } else tracer.span(trace);
            hops.set(m.req, { from, trace, owns });
            const slow = sim.rng.float() < p.slowPercent / 100;
            const work = sim.rng.uniform(WORK.min, WORK.max);
            const slowWork = sim.rng.uniform(SLOW_WORK.min, SLOW_WORK.max); // drawn always, so the slow share moves nothing else
            const took = id === SLOW_SERVICE && slow ? slowWork : work;
            sim.setTimer(id, took, { type: "work", req: m.req });
          } else {
            finish(m.req);
          }
        },
        onTimer: ({ payload: t }) => {
          if (t.type !== "work") return;
          const hop = hops.get(t.req);
          if (hop === undefined) return;
          if (next === null) finish(t.req);
          else sim.send(id, next, "request", { op: "call", req: t.req, context: p.dropsContext === id ? null : hop.trace.id });
        },
      });
      const finish = (req: number) => {
        const hop = hops.get(req);
        if (hop === undefined) return;
        hops.delete(req);
        if (hop.owns) {
          const kept = tracer.end(hop.trace);
          open.delete(hop.trace.id);
          if (kept) {
            keptRate.add(sim.now);
            if (sim.now - hop.trace.startedAt > SLOW_TRACE_MS) keptSlowRate.add(sim.now);
          }
        }
        sim.send(id, hop.from, "response", { op: "done", req });
      };
      if (next !== null) sim.network.connect(id, next);
    });

    // ---- the users: open-loop checkouts -----------------------------------------------------
    const arrivals = new Arrivals(sim, "users", poisson(ARRIVALS_PER_S));
    sim.addNode({
      id: "users",
      label: "Users",
      role: "client",
      ...row(0, SERVICES.length + 1, 0.38, 0.07),
      onTimer: ({ payload: t }) => {
        if (t.type !== "arrival") return;
        const req = requests.start();
        arrivals.next();
        sim.send("users", "gateway", "request", { op: "call", req, context: null });
      },
      onMessage: ({ payload: m }) => {
        if (m.op !== "done") return;
        const latency = sim.now - (requests.startedAtOf(m.req) ?? sim.now);
        requests.succeed(m.req);
        meanLatency.observe(sim.now, latency);
        if ((tracesOf.get(m.req) ?? 0) > 1) completedWithTwo++;
        tracesOf.delete(m.req);
        const root = rootTrace.get(m.req);
        rootTrace.delete(m.req);
        if (latency <= SLOW_TRACE_MS) return;
        slowRequests++;
        const whole = root?.kept === true && !split;
        if (whole) slowTracedWhole++;
        if (slowNoted++ < NOTED) {
          const what = whole
            ? "its trace was kept, end to end"
            : split
              ? "it is split over two traces"
              : "its trace was not kept: the sampler decided at the gateway, before it was slow";
          journal.note(`request ${m.req + 1} took ${Math.round(latency)} ms; ${what}`, whole ? "good" : "bad");
        }
      },
    });
    sim.network.connect("users", "gateway");
    arrivals.next();

    const measure = (): TraceSamplingMetrics => ({
      completed: requests.ok,
      meanMs: requests.latency.mean(),
      p99Ms: requests.latency.percentile(99),
      slowRequests,
      slowRequestsTracedWhole: slowTracedWhole,
      completedWithTwoTraces: completedWithTwo,
      tracesProduced: tracer.all.produced,
      tracesStored: tracer.all.kept,
      slowTracesProduced: tracer.slow.produced,
      slowTracesKept: tracer.slow.kept,
      splitTracesProduced: tracer.split.produced,
    });
    const count = (n: number) => n.toLocaleString("en-US");
    const shareCell = (kept: number, produced: number, goodAbove: number | null) => {
      const share = produced === 0 ? null : (100 * kept) / produced;
      const text = share === null ? "—" : `${describe(share, "%")}`;
      const tone = goodAbove === null || share === null ? "neutral" : share >= goodAbove ? "good" : "bad";
      return { text, tone } as const;
    };

    return scenarioInstance({
      sim, measure, journal,
      charts: () => [
        ...chart("Checkout latency", "ms", [
          ["mean", "mean", meanLatency.points(sim.now)],
          ["p99", "p99", requests.latencyOverTime.points(sim.now, 99)],
        ]),
        ...chart("Traces stored", "traces/s", [["kept", "all", keptRate.points(sim.now)], ["kept-slow", "slow", keptSlowRate.points(sim.now)]]),
      ],
      headline: (m) => [
        headline.ms("mean", "Mean latency", m.meanMs),
        headline.ms("p99", "p99 latency", m.p99Ms),
        headline.count("slow", "Slow checkouts (> 300 ms)", m.slowRequests),
        headline.count("slow-whole", "Slow ones traced end to end", m.slowRequestsTracedWhole),
        headline.count("split", "Checkouts split in two", m.completedWithTwoTraces),
        headline.count("stored", "Traces stored", m.tracesStored),
      ],
      summary: (m) => {
        if (m.completed === 0) return "No checkout has finished yet.";
        return (
          `Mean ${describe(m.meanMs ?? 0, "ms")}, p99 ${describe(m.p99Ms ?? 0, "ms")}. ` +
          `${m.slowRequests} of ${m.completed.toLocaleString("en-US")} checkouts were slow, and ${m.slowRequestsTracedWhole} of them can be followed end to end in a stored trace` +
          (split ? `; every checkout is split over two traces.` : ".")
        );
      },
      tables: () => [
        {
          id: "kept",
          title: "What the sampler kept (slow: over 300 ms)",
          rowHeader: "Traces",
          columns: ["produced", "kept", "share"],
          rows: [
            { label: "all", cells: [cell.plain(count(tracer.all.produced)), cell.plain(count(tracer.all.kept)), shareCell(tracer.all.kept, tracer.all.produced, null)] },
            { label: "slow", cells: [cell.plain(count(tracer.slow.produced)), cell.plain(count(tracer.slow.kept)), shareCell(tracer.slow.kept, tracer.slow.produced, 90)] },
            { label: "split", cells: [{ text: count(tracer.split.produced), tone: tracer.split.produced > 0 ? "bad" : "good" }, cell.plain(count(tracer.split.kept)), shareCell(tracer.split.kept, tracer.split.produced, null)] },
          ],
        },
      ],
    });
  },
});
