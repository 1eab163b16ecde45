import { describe, expect, it } from "vitest";
import { replicaLag } from "@/lib/sim/scenarios/replica-lag";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

describe("replica-lag: reading your own writes from asynchronous replicas", () => {
  it("read-your-writes makes the writer's stale reads exactly zero, forwarding or waiting, while without it over 50% are stale at lag 100 ms and read delay 50 ms, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const off = metricsOf(replicaLag, { readYourWrites: "off" }, seed);
      const forward = metricsOf(replicaLag, { readYourWrites: "forward" }, seed);
      const wait = metricsOf(replicaLag, { readYourWrites: "wait" }, seed);
      return {
        ok: off.staleReadPercent > 50 && forward.staleReads === 0 && wait.staleReads === 0 && forward.reads > 300 && wait.reads > 300,
        detail: `off ${off.staleReadPercent}%, forward ${forward.staleReads}, wait ${wait.staleReads}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("stale reads fall as the read comes later after the write (0 ms > 50 ms > 100 ms), for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const [now, soon, later] = [0, 50, 100].map((readDelayMs) => metricsOf(replicaLag, { readDelayMs }, seed).staleReadPercent);
      return { ok: (now ?? 0) > (soon ?? 0) && (soon ?? 0) > (later ?? 0), detail: `${now}% > ${soon}% > ${later}%` };
    });
    expect(failures).toEqual([]);
  });

  it("read-your-writes has a price: forwarding sends over half the reads to the leader, waiting pushes read p99 past half the lag, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const off = metricsOf(replicaLag, { readYourWrites: "off" }, seed);
      const forward = metricsOf(replicaLag, { readYourWrites: "forward" }, seed);
      const wait = metricsOf(replicaLag, { readYourWrites: "wait" }, seed);
      return {
        ok: off.leaderReadPercent === 0 && forward.leaderReadPercent > 50 && (wait.readP99Ms ?? 0) > 50 && (off.readP99Ms ?? Infinity) < 10,
        detail: `leader ${forward.leaderReadPercent}%, wait p99 ${wait.readP99Ms} ms, off p99 ${off.readP99Ms} ms`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("a sticky replica gives monotonic reads (no read goes back in time) while reads spread over replicas sometimes do, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const spread = metricsOf(replicaLag, {}, seed);
      const sticky = metricsOf(replicaLag, { stickyReplica: true }, seed);
      const stickyWait = metricsOf(replicaLag, { stickyReplica: true, readYourWrites: "wait" }, seed);
      return {
        ok: spread.monotonicViolations > 0 && sticky.monotonicViolations === 0 && stickyWait.monotonicViolations === 0,
        detail: `spread ${spread.monotonicViolations}, sticky ${sticky.monotonicViolations}, sticky+wait ${stickyWait.monotonicViolations}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("mixing leader reads with replica reads can still go back in time: forwarding is not monotonic", () => {
    const forwardSticky = metricsOf(replicaLag, { stickyReplica: true, readYourWrites: "forward" }, 1);
    expect(forwardSticky.monotonicViolations).toBeGreaterThan(0);
  });
});
