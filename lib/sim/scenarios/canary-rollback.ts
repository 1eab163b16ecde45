import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { SeriesPoint } from "../time-series";
import {
  Arrivals, cell, chart, describe, describeSeconds, errorRatioIn, headline, Journal, param, poisson, RequestLedger, row, scenarioInstance, Timeline,
  WorkerPool, type ArrivalTimer, type Served,
} from "../kit";

/**
 * Lesson 16 (deployment): eight instances (pods) behind a load balancer serve 200 requests a second,
 * spread round robin. Version 2 is released at 10 s; when it is bad it fails every request of
 * one kind (a share of the traffic, 10% by default), while both versions fail 0.1% of all
 * requests anyway. The strategy decides how v2 arrives:
 *
 * - big bang: all eight instances at once;
 * - rolling: one instance every 4 s;
 * - canary: a few instances first. Every second an automatic analysis compares the canary's
 *   error ratio since the release with the control's (the v1 instances) over the same time.
 *   Once the canary has answered at least 100 requests, it rolls the canary back at once if
 *   it is more than `threshold` points worse; if it is not by the end of the analysis window,
 *   it promotes v2 with a rolling upgrade of the rest.
 *
 * Whatever the strategy, the service also has the usual fleet-wide alert: the error ratio of
 * all requests over the same window above the threshold. When it fires, the on-call engineer
 * rolls every instance back 20 s later (minutes, in life). A canary of one instance in eight
 * moves the fleet's ratio by an eighth of its own, which is why the alert alone misses it.
 *
 * Simplifications: an upgrade or a rollback is instantaneous (no draining, no start-up), a
 * request keeps the version it was routed to, and instances never overload.
 */

const DURATION_MS = 45_000;
const RELEASE_AT_MS = 10_000;
const ROLLING_STEP_MS = 4000;
const INSTANCES = 8;
const REQUESTS_PER_S = 200;
const BASE_ERROR_RATIO = 0.001;
/** The canary analysis gives no verdict on fewer requests than this. */
const MIN_CANARY_REQUESTS = 100;
const ON_CALL_ROLLBACK_MS = 20_000;
const BUCKET_MS = 1000;
const MIN_REQUESTS_CHARTED = 10;
const LINK = { latency: Latency.uniform(1, 3), loss: 0 };

type Version = 1 | 2;
type Call = { readonly id: number; readonly version: Version; readonly affected: boolean };
type DeployMessage = { readonly op: "call"; readonly call: Call } | { readonly op: "reply"; readonly call: Call; readonly ok: boolean };
type DeployTimer = ArrivalTimer | Served<Call> | { readonly type: "analysis" };

export type CanaryRollbackMetrics = {
  readonly requests: number;
  readonly failedByV2: number;
  readonly failedByV1: number;
  /** From the release to the canary verdict or the alert that led to a rollback; null if none. */
  readonly detectMs: number | null;
  /** From the release to the moment no instance runs v2 any more; null while one does. */
  readonly v2GoneMs: number | null;
  readonly instancesOnV2: number;
  /** 1 once v2 has been rolled back, else 0. */
  readonly rolledBack: number;
  /** 1 once the canary analysis has promoted v2, else 0. */
  readonly promoted: number;
};

export const canaryRollback = defineScenario({
  id: "canary-rollback",
  title: "A bad release: big bang, rolling, or a canary that rolls back",
  lesson: "deployment",
  description:
    "Eight instances serve 200 requests a second. At 10 s version 2 goes out, and it fails every " +
    "request of one kind. Ship it to all eight at once, one at a time, or to a canary that is " +
    "compared with the rest and rolled back automatically, and count the requests each way fails.",
  params: [
    param.choice("strategy", "Strategy", [["big-bang", "Big bang"], ["rolling", "Rolling"], ["canary", "Canary"]], "big-bang", "How version 2 reaches the eight instances."),
    param.toggle("badVersion", "Version 2 is bad", true, "Off: version 2 is as good as version 1."),
    param.number("affectedPercent", "Traffic v2 breaks", { min: 1, max: 50, step: 1, default: 10, unit: "%" }, "The share of requests of the kind version 2 fails."),
    param.number("canarySize", "Canary instances", { min: 1, max: 4, step: 1, default: 1 }, "How many instances get version 2 first."),
    param.number("windowS", "Analysis window", { min: 2, max: 10, step: 1, default: 5, unit: "s" }, "How long the canary is analysed before promotion (at least until it has answered 100 requests); the fleet alert watches the same length of time."),
    param.number("thresholdPoints", "Threshold", { min: 0.5, max: 10, step: 0.5, default: 2, unit: "points" }, "How many percentage points of errors above the control (or above 0 for the alert) count as bad."),
  ],
  presets: [
    { id: "big-bang", label: "Big bang", description: "All eight instances get v2 at 10 s; the fleet alert and the on-call engineer roll it back.", params: { strategy: "big-bang", badVersion: true } },
    { id: "rolling", label: "Rolling", description: "One instance every 4 s; the same alert and on-call.", params: { strategy: "rolling", badVersion: true } },
    { id: "canary", label: "Canary with automatic rollback", description: "One instance first, compared with the other seven; rolled back automatically.", params: { strategy: "canary", badVersion: true } },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<CanaryRollbackMetrics> {
    const sim = new Simulation<DeployMessage, DeployTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const journal = new Journal(sim);
    const ledgers = { 1: new RequestLedger(sim, { bucketMs: BUCKET_MS, name: "v1" }), 2: new RequestLedger(sim, { bucketMs: BUCKET_MS, name: "v2" }) };
    const onV2 = sim.metrics.gauge("instances on v2", BUCKET_MS);
    const windowMs = p.windowS * 1000;
    const versions: Version[] = Array.from({ length: INSTANCES }, () => 1);
    const ids = versions.map((_, i) => `i${i + 1}`);
    let detectedAt: number | null = null;
    let v2GoneAt: number | null = null;
    let rolledBack = false;
    let promoted = false;
    let alerted = false;

    const setVersion = (i: number, version: Version) => {
      versions[i] = version;
      // The view shows the truth the dashboards have to find: which instances run a bad v2.
      sim.setStatus(ids[i] ?? "i1", version === 2 && p.badVersion ? "degraded" : "up");
      const count = versions.filter((v) => v === 2).length;
      onV2.set(sim.now, count);
      if (count === 0 && rolledBack) v2GoneAt ??= sim.now;
    };
    /** Upgrades instances from..INSTANCES-1 one every ROLLING_STEP_MS, from now; stops after a rollback. */
    const rollOut = (from: number) => {
      for (let i = from; i < INSTANCES; i++) {
        sim.schedule(sim.now + (i - from) * ROLLING_STEP_MS, `upgrade ${ids[i]}`, () => {
          if (rolledBack) return;
          setVersion(i, 2);
          journal.note(`pod ${i + 1} runs v2 (${versions.filter((v) => v === 2).length} of ${INSTANCES})`);
        });
      }
    };
    const rollBack = (why: string) => {
      if (rolledBack) return;
      rolledBack = true;
      timeline.mark("rollback");
      journal.note(`rolled back: ${why}`, "good");
      versions.forEach((v, i) => v === 2 && setVersion(i, 1));
    };

    // ---- instances: v2 fails every request of the affected kind when it is bad -------------
    for (const [i, id] of ids.entries()) {
      const pool = new WorkerPool<Call>(sim, id, {
        workers: Number.POSITIVE_INFINITY,
        serviceTime: Latency.uniform(5, 15),
        onDone: (call) => {
          const unlucky = sim.rng.bernoulli(BASE_ERROR_RATIO);
          const broken = call.version === 2 && p.badVersion && call.affected;
          sim.send(id, "lb", broken || unlucky ? "error" : "response", { op: "reply", call, ok: !(broken || unlucky) });
        },
      });
      sim.addNode({
        id,
        label: `Pod ${i + 1}`,
        role: "instance",
        // Two rows of four, so the labels fit a phone.
        ...row(i % 4, 4, i < 4 ? 0.5 : 0.88, 0.12),
        gauges: () => [{ label: "version", value: versions[i] ?? 1 }],
        onMessage: (message) => message.payload.op === "call" && pool.offer(message.payload.call),
        onTimer: (timer) => timer.payload.type === "served" && pool.finish(timer.payload),
      });
    }

    // ---- load balancer: round robin, and the canary analysis and fleet alert -----------------
    const arrivals = new Arrivals(sim, "lb", poisson(REQUESTS_PER_S));
    let next = 0;
    const analyse = () => {
      // The alert watches the whole fleet over a trailing window, release or not.
      const fleet = errorRatioIn([ledgers[1], ledgers[2]], sim.now - windowMs, sim.now);
      if (!alerted && fleet.percent > p.thresholdPoints) {
        alerted = true;
        detectedAt ??= sim.now;
        journal.note(`alert: fleet error ratio ${describe(fleet.percent, "%")} over ${fleet.requests} requests; on-call paged`, "bad");
        sim.schedule(sim.now + ON_CALL_ROLLBACK_MS, "on-call rolls back", () => rollBack("on-call, 20 s after the alert"));
      }
      if (p.strategy !== "canary" || promoted || rolledBack) return;
      // The analysis compares canary and control over the same time, since the release; it
      // gives no verdict either way before the canary has answered MIN_CANARY_REQUESTS.
      const canary = errorRatioIn([ledgers[2]], RELEASE_AT_MS, sim.now);
      const control = errorRatioIn([ledgers[1]], RELEASE_AT_MS, sim.now);
      if (canary.requests < MIN_CANARY_REQUESTS) return;
      const verdict = `canary ${describe(canary.percent, "%", 1)} errors vs control ${describe(control.percent, "%", 1)} over ${canary.requests} requests`;
      if (canary.percent - control.percent > p.thresholdPoints) {
        detectedAt ??= sim.now;
        journal.note(`${verdict}: rolling back`, "bad");
        rollBack("automatic, by the canary analysis");
      } else if (sim.now >= RELEASE_AT_MS + windowMs) {
        promoted = true;
        timeline.mark("promoted");
        journal.note(`${verdict}: promoting`, "good");
        rollOut(p.canarySize);
      }
    };
    sim.addNode({
      id: "lb",
      label: "Load balancer",
      role: "load-balancer",
      x: 0.5,
      y: 0.12,
      onTimer: (timer) => {
        const t = timer.payload;
        if (t.type === "analysis") {
          analyse();
          sim.setTimer("lb", 1000, { type: "analysis" });
        } else if (t.type === "arrival") {
          const affected = sim.rng.bernoulli(p.affectedPercent / 100);
          const i = next++ % INSTANCES;
          const version = versions[i] ?? 1;
          const call: Call = { id: ledgers[version].start(), version, affected };
          sim.send("lb", ids[i] ?? "i1", "request", { op: "call", call });
          arrivals.next();
        }
      },
      onMessage: (message) => {
        const m = message.payload;
        if (m.op !== "reply") return;
        if (m.ok) ledgers[m.call.version].succeed(m.call.id);
        else ledgers[m.call.version].fail(m.call.id);
      },
    });
    for (const id of ids) sim.network.connect("lb", id);
    arrivals.first();
    sim.setTimer("lb", RELEASE_AT_MS + 1000, { type: "analysis" });

    timeline.at(RELEASE_AT_MS, "v2", () => {
      if (p.strategy === "big-bang") {
        ids.forEach((_, i) => setVersion(i, 2));
        journal.note("v2 released to all 8 instances at once");
      } else if (p.strategy === "rolling") {
        journal.note("rolling upgrade to v2 starts, one instance every 4 s");
        rollOut(0);
      } else {
        for (let i = 0; i < p.canarySize; i++) setVersion(i, 2);
        journal.note(`v2 released to a canary of ${p.canarySize}; the other ${INSTANCES - p.canarySize} are the control`);
      }
    });

    const errorPercent = (ledger: RequestLedger): SeriesPoint[] => {
      const failed = ledger.failureRate.points(sim.now);
      return ledger.okRate.points(sim.now).flatMap(([t, ok], k) => {
        const bad = failed[k]?.[1] ?? 0;
        // A ratio of a handful of requests (the last v2 answers after a rollback) is noise.
        return ok + bad < MIN_REQUESTS_CHARTED ? [] : [[t, (100 * bad) / (ok + bad)] as SeriesPoint];
      });
    };
    const measure = (): CanaryRollbackMetrics => ({
      requests: ledgers[1].started + ledgers[2].started,
      failedByV2: ledgers[2].failures,
      failedByV1: ledgers[1].failures,
      detectMs: detectedAt === null ? null : detectedAt - RELEASE_AT_MS,
      v2GoneMs: v2GoneAt === null ? null : v2GoneAt - RELEASE_AT_MS,
      instancesOnV2: versions.filter((v) => v === 2).length,
      rolledBack: rolledBack ? 1 : 0,
      promoted: promoted ? 1 : 0,
    });

    return scenarioInstance({
      sim, timeline, measure, journal,
      charts: () => [
        ...chart("Error ratio by version", "%", [["v1-errors", "v1", errorPercent(ledgers[1])], ["v2-errors", "v2", errorPercent(ledgers[2])]]),
        ...chart("Instances on v2", "", [["on-v2", "instances", onV2.points(sim.now)]]),
      ],
      headline: (m) => [
        headline.count("failed-v2", "Requests failed by v2", m.failedByV2),
        headline.seconds("detect", "Time to detect", m.detectMs),
        headline.seconds("v2-gone", "v2 gone after", m.v2GoneMs),
        headline.count("on-v2", "Instances on v2", m.instancesOnV2),
      ],
      tables: () => [{
        title: "Requests by version",
        id: "versions",
        rowHeader: "Version",
        columns: ["requests", "errors", "error ratio"],
        rows: ([1, 2] as const).map((v) => {
          const ledger = ledgers[v];
          const ratio = ledger.started === 0 ? 0 : (100 * ledger.failures) / ledger.started;
          return {
            label: `v${v}`,
            cells: [
              cell.plain(ledger.started),
              { text: String(ledger.failures), tone: ledger.failures > 0 && ratio > 1 ? ("bad" as const) : ("neutral" as const) },
              { text: describe(ratio, "%"), tone: ratio > 1 ? ("bad" as const) : ("good" as const) },
            ],
          };
        }),
      }],
      summary: (m) => {
        if (sim.now < RELEASE_AT_MS) return `All eight instances run v1; ${m.requests} requests so far, v2 goes out at 10 s.`;
        const detect = m.detectMs === null ? "Nothing has flagged v2." : `v2 was flagged ${describeSeconds(m.detectMs)} after the release`;
        const gone = m.v2GoneMs === null ? "" : ` and gone after ${describeSeconds(m.v2GoneMs)}`;
        const end = m.detectMs === null ? "" : ".";
        return `${detect}${gone}${end} v2 failed ${m.failedByV2} requests; ${m.instancesOnV2} of 8 instances run v2.`;
      },
    });
  },
});
