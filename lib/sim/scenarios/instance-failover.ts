import { Simulation } from "../engine";
import { Latency } from "../latency";
import { defineScenario, type ScenarioInstance } from "../scenario";
import type { TimelineMarker } from "../snapshot";
import { spreadY } from "./layout";
import { describe, round } from "./numbers";

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
  | { readonly op: "call"; readonly request: number; readonly attempt: number }
  | { readonly op: "reply"; readonly request: number; readonly attempt: number };

type FailoverTimer =
  | { readonly type: "arrival" }
  | { readonly type: "request-timeout"; readonly request: number; readonly attempt: number }
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
    {
      kind: "number",
      key: "dieAtS",
      label: "Instance dies at",
      min: 1,
      max: 15,
      step: 0.5,
      default: 5,
      unit: "s",
      help: "When instance 2 crashes.",
    },
    {
      kind: "number",
      key: "healthIntervalMs",
      label: "Health-check interval",
      min: 200,
      max: 5000,
      step: 100,
      default: 2000,
      unit: "ms",
      help: "How often the registry checks each instance.",
    },
    {
      kind: "number",
      key: "failureThreshold",
      label: "Failed checks to remove",
      min: 1,
      max: 5,
      step: 1,
      default: 3,
      unit: "",
      help: "Consecutive failed checks before the registry stops handing the instance out.",
    },
    {
      kind: "number",
      key: "ttlMs",
      label: "Client cache TTL",
      min: 0,
      max: 10000,
      step: 500,
      default: 5000,
      unit: "ms",
      help: "How long a client trusts the instance list it got from the registry.",
    },
    {
      kind: "boolean",
      key: "failover",
      label: "Client failover",
      default: false,
      help: "When a call times out, retry it once on another instance from the list.",
    },
    {
      kind: "number",
      key: "clients",
      label: "Clients",
      min: 1,
      max: 12,
      step: 1,
      default: 6,
      unit: "",
      help: "Each sends about 20 requests a second to a random instance from its list.",
    },
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
    const dieAt = p.dieAtS * 1000;
    const probeTimeout = Math.min(PROBE_TIMEOUT_MS, p.healthIntervalMs / 2);
    const meanGapMs = 1000 / REQUESTS_PER_CLIENT_PER_S;

    const latency = sim.metrics.histogram("request latency");
    const okRate = sim.metrics.rate("successful requests", CHART_BUCKET_MS);
    const failRate = sim.metrics.rate("failed requests", CHART_BUCKET_MS);
    let requests = 0;
    let failedRequests = 0;
    let firstFailure: number | null = null;
    let lastFailure: number | null = null;
    let retries = 0;
    let removedAt: number | null = null;

    // ---- instances ---------------------------------------------------------------------
    for (const [i, id] of INSTANCES.entries()) {
      sim.addNode({
        id,
        label: `Instance ${i + 1}`,
        role: "instance",
        x: 0.85,
        y: spreadY(i, INSTANCES.length, 0.2),
        onMessage: (message) => {
          const m = message.payload;
          if (m.op === "probe") sim.send(id, message.from, "probe", { op: "probe-ok", seq: m.seq });
          else if (m.op === "call") sim.send(id, message.from, "response", { op: "reply", request: m.request, attempt: m.attempt });
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
            if (INSTANCES[t.instance] === DYING_INSTANCE && removedAt === null) removedAt = sim.now;
          }
        }
      },
    });
    for (const [i, id] of INSTANCES.entries()) {
      sim.network.connect("registry", id);
      // Checks of different instances are not aligned, as in real registries.
      sim.setTimer("registry", sim.rng.uniform(0, p.healthIntervalMs), { type: "probe", instance: i });
    }

    // ---- clients -----------------------------------------------------------------------
    for (let c = 0; c < p.clients; c++) {
      const id = `c${c + 1}`;
      // Clients have been running for a while: each holds a full list fetched at some
      // random moment within the last TTL, so their caches do not all expire together.
      let cached: readonly string[] = INSTANCES;
      let cachedUntil = sim.rng.uniform(0, p.ttlMs);
      let resolving = false;
      const waitingForList: Array<{ request: number; issuedAt: number }> = [];
      const inFlight = new Map<number, { issuedAt: number; attempt: number; instance: string; timer: number }>();

      const fail = (issuedAt: number): void => {
        failedRequests++;
        failRate.add(sim.now);
        firstFailure ??= issuedAt;
        lastFailure = Math.max(lastFailure ?? issuedAt, issuedAt);
      };
      const call = (request: number, issuedAt: number, attempt: number, exclude: string | null): void => {
        const choices = exclude === null ? cached : cached.filter((instance) => instance !== exclude);
        if (choices.length === 0) {
          inFlight.delete(request);
          fail(issuedAt);
          return;
        }
        const instance = sim.rng.pick(choices);
        const timer = sim.setTimer(id, REQUEST_TIMEOUT_MS, { type: "request-timeout", request, attempt });
        inFlight.set(request, { issuedAt, attempt, instance, timer });
        sim.send(id, instance, attempt > 1 ? "retry" : "request", { op: "call", request, attempt });
      };

      sim.addNode({
        id,
        label: `Client ${c + 1}`,
        role: "client",
        x: 0.12,
        y: spreadY(c, p.clients, 0.1),
        gauges: () => [{ label: "cached instances", value: sim.now < cachedUntil ? cached.length : 0 }],
        onTimer: (timer) => {
          const t = timer.payload;
          if (t.type === "arrival") {
            const request = requests++;
            sim.setTimer(id, sim.rng.exponential(meanGapMs), { type: "arrival" });
            if (sim.now < cachedUntil) {
              call(request, sim.now, 1, null);
              return;
            }
            // The cache has expired: ask the registry, and hold requests until it answers.
            waitingForList.push({ request, issuedAt: sim.now });
            if (!resolving) {
              resolving = true;
              sim.send(id, "registry", "control", { op: "resolve" });
            }
          } else if (t.type === "request-timeout") {
            const pending = inFlight.get(t.request);
            if (pending === undefined || pending.attempt !== t.attempt) return;
            if (p.failover && pending.attempt === 1) {
              retries++;
              call(t.request, pending.issuedAt, 2, pending.instance);
            } else {
              inFlight.delete(t.request);
              fail(pending.issuedAt);
            }
          }
        },
        onMessage: (message) => {
          const m = message.payload;
          if (m.op === "instances") {
            cached = m.healthy;
            cachedUntil = sim.now + p.ttlMs;
            resolving = false;
            for (const { request, issuedAt } of waitingForList) call(request, issuedAt, 1, null);
            waitingForList.length = 0;
          } else if (m.op === "reply") {
            const pending = inFlight.get(m.request);
            if (pending === undefined || pending.attempt !== m.attempt) return;
            sim.cancelTimer(pending.timer);
            inFlight.delete(m.request);
            latency.add(sim.now - pending.issuedAt);
            okRate.add(sim.now);
          }
        },
      });
      sim.network.connect(id, "registry");
      for (const instance of INSTANCES) sim.network.connect(id, instance);
      sim.setTimer(id, sim.rng.exponential(meanGapMs), { type: "arrival" });
    }

    sim.schedule(dieAt, "instance 2 dies", () => sim.crash(DYING_INSTANCE));

    const measure = (): InstanceFailoverMetrics => ({
      requests,
      failedRequests,
      failingWindowMs: firstFailure === null || lastFailure === null ? 0 : lastFailure - firstFailure,
      detectionMs: removedAt === null ? null : removedAt - dieAt,
      expectedWindowMs: p.healthIntervalMs * p.failureThreshold + p.ttlMs,
      retriesOnOtherInstance: retries,
      requestP99Ms: latency.percentile(99),
    });

    return {
      sim,
      markers: () => {
        const markers: TimelineMarker[] = [{ t: dieAt, label: "instance 2 dies" }];
        if (removedAt !== null) markers.push({ t: removedAt, label: "registry removes it" });
        if (lastFailure !== null && sim.now > lastFailure + REQUEST_TIMEOUT_MS) markers.push({ t: lastFailure, label: "last failed request" });
        return markers;
      },
      measure,
      charts: () => [
        { id: "ok", chart: "Requests", label: "succeeded", unit: "req/s", points: okRate.points(sim.now) },
        { id: "failed", chart: "Requests", label: "failed", unit: "req/s", points: failRate.points(sim.now) },
      ],
      headline: () => {
        const m = measure();
        return [
          { id: "failed", label: "Failed requests", value: m.failedRequests, unit: "" },
          { id: "window", label: "Failing window", value: round(m.failingWindowMs / 1000, 1), unit: "s" },
          { id: "expected", label: "interval × threshold + TTL", value: round(m.expectedWindowMs / 1000, 1), unit: "s" },
          { id: "detection", label: "Registry noticed after", value: round(m.detectionMs === null ? null : m.detectionMs / 1000, 1), unit: "s" },
          { id: "p99", label: "Request latency p99", value: round(m.requestP99Ms), unit: "ms" },
        ];
      },
      summary: () => {
        const m = measure();
        if (sim.now < dieAt) return `All three instances are up; ${m.requests} requests so far.`;
        const detection =
          m.detectionMs === null ? "The registry has not removed it yet." : `The registry removed it after ${describe(m.detectionMs / 1000, "s", 1)}.`;
        const failures =
          m.failedRequests === 0
            ? "No request has failed"
            : `${m.failedRequests} requests failed over ${describe(m.failingWindowMs / 1000, "s", 1)}`;
        return (
          `Instance 2 died at ${p.dieAtS} s. ${detection} ${failures} ` +
          `(rule of thumb: ${describe(m.expectedWindowMs / 1000, "s", 1)})` +
          (p.failover ? `; ${m.retriesOnOtherInstance} calls were retried on another instance.` : ".")
        );
      },
    };
  },
});
