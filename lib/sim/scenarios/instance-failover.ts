import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import {
  Arrivals, chart, Client, column, describeSeconds, headline, isClientTimer, NO_RETRIES, noBackoff, param, poisson,
  RequestLedger, scenarioInstance, Timeline, type ArrivalTimer, type ClientTimer,
} from "../kit";

/**
 * Lesson 5 (service-discovery): clients find a service's three instances through a
 * registry, caching the answer for a TTL. One instance dies. The registry health-checks
 * each instance every interval and removes one after `threshold` failed checks in a row;
 * each client keeps using its cached list until the TTL runs out. Until both have caught
 * up, some requests go to the dead instance and fail after the client's timeout.
 *
 * The window in which requests fail is therefore about interval × threshold (detection)
 * plus the TTL (the stalest cache), give or take one interval and the probe and request
 * timeouts. Client failover (retry once on another instance from the list) hides the
 * window from users, at the price of one timeout of extra latency for the unlucky ones.
 */

const DURATION_MS = 30_000;
const LINK = { latency: Latency.uniform(1, 3), loss: 0 };
const INSTANCES = ["i1", "i2", "i3"] as const;
const DYING_INSTANCE = "i2";
const REQUESTS_PER_CLIENT_PER_S = 20;
const REQUEST_TIMEOUT_MS = 300;
/** A health check not answered within this counts as failed (capped at half the interval). */
const PROBE_TIMEOUT_MS = 500;
const CHART_BUCKET_MS = 500;

type FailoverMessage =
  | { readonly op: "resolve" }
  | { readonly op: "instances"; readonly healthy: readonly string[] }
  | { readonly op: "probe"; readonly seq: number }
  | { readonly op: "probe-ok"; readonly seq: number }
  | { readonly op: "call"; readonly call: number }
  | { readonly op: "reply"; readonly call: number };

type FailoverTimer =
  | ArrivalTimer
  | ClientTimer
  | { readonly type: "probe"; readonly instance: number }
  | { readonly type: "probe-timeout"; readonly instance: number; readonly seq: number };

export type InstanceFailoverMetrics = {
  readonly requests: number;
  readonly failedRequests: number;
  /** Issue time of the last failed request minus that of the first; 0 with none or one. */
  readonly failingWindowMs: number;
  /** From the death to the registry removing the instance; null if it has not yet. */
  readonly detectionMs: number | null;
  /** The rule of thumb: interval × threshold + TTL. */
  readonly expectedWindowMs: number;
  readonly retriesOnOtherInstance: number;
  readonly requestP99Ms: number | null;
};

export const instanceFailover = defineScenario({
  id: "instance-failover",
  title: "An instance dies: health checks, TTLs and failover",
  lesson: "service-discovery",
  description:
    "Clients find three instances through a registry and cache the list for a TTL. One instance " +
    "dies. Requests to it keep failing until the registry's health checks notice and every " +
    "client's cache has expired. Shorten the check interval, lower the threshold or the TTL and " +
    "watch the failing window shrink; turn on client failover and watch the failures vanish.",
  params: [
    param.number("dieAtS", "Instance dies at", { min: 1, max: 15, step: 0.5, default: 5, unit: "s" }, "When instance 2 crashes."),
    param.number("healthIntervalMs", "Health-check interval", { min: 200, max: 5000, step: 100, default: 2000, unit: "ms" }, "How often the registry checks each instance."),
    param.number("failureThreshold", "Failed checks to remove", { min: 1, max: 5, step: 1, default: 3 }, "Consecutive failed checks before the registry stops handing the instance out."),
    param.number("ttlMs", "Client cache TTL", { min: 0, max: 10000, step: 500, default: 5000, unit: "ms" }, "How long a client trusts the instance list it got from the registry."),
    param.toggle("failover", "Client failover", false, "When a call times out, retry it once on another instance from the list."),
    param.number("clients", "Clients", { min: 1, max: 12, step: 1, default: 6 }, "Each sends about 20 requests a second to a random instance from its list."),
  ],
  presets: [
    {
      id: "naive",
      label: "Slow detection, long TTL",
      description: "Checks every 2 s, 3 failures to remove, 5 s TTL, no failover.",
      params: { healthIntervalMs: 2000, failureThreshold: 3, ttlMs: 5000, failover: false },
    },
    {
      id: "tuned",
      label: "Fast checks, short TTL",
      description: "Checks every 500 ms, 2 failures to remove, 1 s TTL.",
      params: { healthIntervalMs: 500, failureThreshold: 2, ttlMs: 1000, failover: false },
    },
    {
      id: "failover",
      label: "Client failover",
      description: "Slow detection as before, but clients retry a timed-out call on another instance.",
      params: { healthIntervalMs: 2000, failureThreshold: 3, ttlMs: 5000, failover: true },
    },
  ],
  durationMs: () => DURATION_MS,
  build(p, seed, options): ScenarioInstance<InstanceFailoverMetrics> {
    const sim = new Simulation<FailoverMessage, FailoverTimer>({ seed, recordLog: options.recordLog, defaultLink: LINK });
    const timeline = new Timeline(sim);
    const dieAt = p.dieAtS * 1000;
    const probeTimeout = Math.min(PROBE_TIMEOUT_MS, p.healthIntervalMs / 2);
    const requests = new RequestLedger(sim, { bucketMs: CHART_BUCKET_MS });
    let removedAt: number | null = null;

    // ---- instances: answer calls and health checks while they are up --------------------
    for (const [i, id] of INSTANCES.entries()) {
      sim.addNode({
        id,
        label: `Instance ${i + 1}`,
        role: "instance",
        ...column(i, INSTANCES.length, 0.85, 0.2),
        onMessage: (message) => {
          const m = message.payload;
          if (m.op === "probe") sim.send(id, message.from, "probe", { op: "probe-ok", seq: m.seq });
          else if (m.op === "call") sim.send(id, message.from, "response", { op: "reply", call: m.call });
        },
      });
    }

    // ---- registry: health checks decide what it hands out -------------------------------
    const healthy = INSTANCES.map(() => true);
    const consecutiveFailures = INSTANCES.map(() => 0);
    const awaitedProbe = INSTANCES.map(() => -1);
    let probeSeq = 0;
    sim.addNode({
      id: "registry",
      label: "Registry",
      role: "registry",
      x: 0.5,
      y: 0.12,
      gauges: () => [{ label: "healthy", value: healthy.filter(Boolean).length }],
      onMessage: (message) => {
        const m = message.payload;
        if (m.op === "resolve") {
          const list = INSTANCES.filter((_, i) => healthy[i] === true);
          sim.send("registry", message.from, "control", { op: "instances", healthy: list });
        } else if (m.op === "probe-ok") {
          const i = awaitedProbe.indexOf(m.seq);
          if (i < 0) return; // answered after its timeout
          awaitedProbe[i] = -1;
          consecutiveFailures[i] = 0;
          healthy[i] = true;
        }
      },
      onTimer: (timer) => {
        const t = timer.payload;
        if (t.type === "probe") {
          const seq = probeSeq++;
          awaitedProbe[t.instance] = seq;
          sim.send("registry", INSTANCES[t.instance] ?? DYING_INSTANCE, "probe", { op: "probe", seq });
          sim.setTimer("registry", probeTimeout, { type: "probe-timeout", instance: t.instance, seq });
          sim.setTimer("registry", p.healthIntervalMs, { type: "probe", instance: t.instance });
        } else if (t.type === "probe-timeout") {
          if (awaitedProbe[t.instance] !== t.seq) return; // it was answered
          awaitedProbe[t.instance] = -1;
          const failures = (consecutiveFailures[t.instance] ?? 0) + 1;
          consecutiveFailures[t.instance] = failures;
          if (failures >= p.failureThreshold && healthy[t.instance] === true) {
            healthy[t.instance] = false;
            if (INSTANCES[t.instance] === DYING_INSTANCE && removedAt === null) {
              removedAt = sim.now;
              timeline.mark("registry removes it");
            }
          }
        }
      },
    });
    for (const [i, id] of INSTANCES.entries()) {
      sim.network.connect("registry", id);
      // Checks of different instances are not aligned, as in real registries.
      sim.setTimer("registry", sim.rng.uniform(0, p.healthIntervalMs), { type: "probe", instance: i });
    }

    // ---- clients: a cached instance list, open-loop requests, optional failover ----------
    for (let c = 0; c < p.clients; c++) {
      const id = `c${c + 1}`;
      // Clients have been running for a while: each holds a full list fetched at some
      // random moment within the last TTL, so their caches do not all expire together.
      let cached: readonly string[] = INSTANCES;
      let cachedUntil = sim.rng.uniform(0, p.ttlMs);
      let resolving = false;
      const waitingForList: number[] = [];
      const arrivals = new Arrivals(sim, id, poisson(REQUESTS_PER_CLIENT_PER_S));
      const client = new Client<FailoverMessage>(sim, {
        node: id,
        requests,
        timeoutMs: REQUEST_TIMEOUT_MS,
        // Failover: one more try, at once, on another instance from the cached list.
        retry: p.failover ? { ...NO_RETRIES, maxAttempts: 2, backoff: noBackoff } : NO_RETRIES,
        target: (previous) => {
          const choices = previous === null ? cached : cached.filter((instance) => instance !== previous);
          return choices.length === 0 ? null : sim.rng.pick(choices);
        },
        message: ({ call }) => ({ op: "call", call }),
      });

      sim.addNode({
        id,
        label: `Client ${c + 1}`,
        role: "client",
        ...column(c, p.clients, 0.12, 0.1),
        gauges: () => [{ label: "cached instances", value: sim.now < cachedUntil ? cached.length : 0 }],
        onTimer: (timer) => {
          const t = timer.payload;
          if (isClientTimer(t)) return client.onTimer(t);
          if (t.type !== "arrival") return;
          const request = requests.start();
          arrivals.next();
          if (sim.now < cachedUntil) {
            client.issue(request);
            return;
          }
          // The cache has expired: ask the registry, and hold requests until it answers.
          waitingForList.push(request);
          if (!resolving) {
            resolving = true;
            sim.send(id, "registry", "control", { op: "resolve" });
          }
        },
        onMessage: (message) => {
          const m = message.payload;
          if (m.op === "instances") {
            cached = m.healthy;
            cachedUntil = sim.now + p.ttlMs;
            resolving = false;
            for (const request of waitingForList) client.issue(request);
            waitingForList.length = 0;
          } else if (m.op === "reply") {
            client.reply(m.call);
          }
        },
      });
      sim.network.connect(id, "registry");
      for (const instance of INSTANCES) sim.network.connect(id, instance);
      arrivals.next();
    }

    timeline.at(dieAt, "instance 2 dies", () => sim.crash(DYING_INSTANCE));

    const measure = (): InstanceFailoverMetrics => ({
      requests: requests.started,
      failedRequests: requests.failures,
      failingWindowMs: requests.failingWindowMs(),
      detectionMs: removedAt === null ? null : removedAt - dieAt,
      expectedWindowMs: p.healthIntervalMs * p.failureThreshold + p.ttlMs,
      retriesOnOtherInstance: requests.retries,
      requestP99Ms: requests.latency.percentile(99),
    });

    return scenarioInstance({
      sim, measure,
      markers: () => {
        const lastFailure = requests.lastFailureStartedAt;
        const settled = lastFailure !== null && sim.now > lastFailure + REQUEST_TIMEOUT_MS;
        return settled ? [...timeline.markers(), { t: lastFailure, label: "last failed request" }] : timeline.markers();
      },
      charts: () => [
        ...chart("Requests", "req/s", [
          ["ok", "succeeded", requests.okRate.points(sim.now)],
          ["failed", "failed", requests.failureRate.points(sim.now)],
        ]),
      ],
      headline: (m) => [
        headline.count("failed", "Failed requests", m.failedRequests),
        headline.seconds("window", "Failing window", m.failingWindowMs),
        headline.seconds("expected", "interval × threshold + TTL", m.expectedWindowMs),
        headline.seconds("detection", "Registry noticed after", m.detectionMs),
        headline.ms("p99", "Request latency p99", m.requestP99Ms),
      ],
      summary: (m) => {
        if (sim.now < dieAt) return `All three instances are up; ${m.requests} requests so far.`;
        const detection =
          m.detectionMs === null ? "The registry has not removed it yet." : `The registry removed it after ${describeSeconds(m.detectionMs)}.`;
        const failures =
          m.failedRequests === 0 ? "No request has failed" : `${m.failedRequests} requests failed over ${describeSeconds(m.failingWindowMs)}`;
        return (
          `Instance 2 died at ${p.dieAtS} s. ${detection} ${failures} ` +
          `(rule of thumb: ${describeSeconds(m.expectedWindowMs)})` +
          (p.failover ? `; ${m.retriesOnOtherInstance} calls were retried on another instance.` : ".")
        );
      },
    });
  },
});
