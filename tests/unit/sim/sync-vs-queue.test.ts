import { describe, expect, it } from "vitest";
import { syncVsQueue } from "@/lib/sim/scenarios/sync-vs-queue";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

describe("sync-vs-queue: B is down from 5 s to 10 s", () => {
  it("the synchronous chain passes B's outage to the client (over 10% errors, all of A's threads blocked) while the queue shows the client none, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const sync = metricsOf(syncVsQueue, { mode: "sync" }, seed);
      const queue = metricsOf(syncVsQueue, { mode: "queue" }, seed);
      return {
        ok: sync.clientErrorPercent > 10 && sync.maxThreadsBusy === 20 && queue.clientErrors === 0,
        detail: `sync errors ${sync.clientErrorPercent}% (threads ${sync.maxThreadsBusy}), queue errors ${queue.clientErrors}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("with B's capacity above the arrival rate the backlog drains within 15 s of B's return, and all work gets done or is still queued at the end, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(syncVsQueue, { mode: "queue" }, seed);
      return {
        ok: m.queueDepthAtOutageEnd > 150 && m.drainedAfterMs !== null && m.drainedAfterMs < 15_000 && m.completed + m.finalQueueDepth >= m.requests - 3,
        detail: `backlog ${m.queueDepthAtOutageEnd}, drained after ${m.drainedAfterMs} ms, ${m.completed}/${m.requests} done`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("with sustained overload (100 req/s into a capacity of 80) the queue never drains and ends deeper than when B came back, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(syncVsQueue, { mode: "queue", arrivalRate: 100, capacity: 80 }, seed);
      return {
        ok: m.drainedAfterMs === null && m.finalQueueDepth > m.queueDepthAtOutageEnd + 200,
        detail: `depth ${m.queueDepthAtOutageEnd} when B returned, ${m.finalQueueDepth} at the end, drained after ${m.drainedAfterMs}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("without an outage neither design shows the client errors", () => {
    expect(metricsOf(syncVsQueue, { mode: "sync", outageLengthS: 0 }, 1).clientErrors).toBe(0);
    expect(metricsOf(syncVsQueue, { mode: "queue", outageLengthS: 0 }, 1).clientErrors).toBe(0);
  });
});
