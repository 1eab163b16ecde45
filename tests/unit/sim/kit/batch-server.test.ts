import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "@/lib/sim/engine";
import { BatchServer, type BatchTimer } from "@/lib/sim/kit/batch-server";

/** A batch server on node "s" that records each batch (start time, jobs) it finishes. */
function build(seed: number, maxBatch: number, maxWaitMs: number, serviceMs = (size: number) => 4 + size) {
  const sim = new Simulation<never, BatchTimer<number>>({ seed });
  const batches: { done: number; jobs: readonly number[] }[] = [];
  const server = new BatchServer<number>(sim, "s", {
    maxBatch,
    maxWaitMs,
    serviceTime: (size) => serviceMs(size),
    onDone: (jobs) => batches.push({ done: sim.now, jobs }),
  });
  sim.addNode({ id: "s", role: "server", x: 0, y: 0, onTimer: (t) => server.onTimer(t.payload) });
  return { sim, server, batches };
}

describe("BatchServer", () => {
  it("never serves more than maxBatch at once, serves in arrival order, and accounts for every job", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 60 }),
        fc.option(fc.record({ at: fc.integer({ min: 0, max: 300 }), for: fc.integer({ min: 1, max: 80 }) })),
        (seed, maxBatch, maxWaitMs, offers, stall) => {
          const { sim, server, batches } = build(seed, maxBatch, maxWaitMs);
          let next = 0;
          for (const at of [...offers].sort((a, b) => a - b)) sim.schedule(at, "offer", () => server.offer(next++));
          if (stall !== null) {
            sim.schedule(stall.at, "stall", () => server.stall());
            sim.schedule(stall.at + stall.for, "resume", () => server.resume());
          }
          while (sim.step()) {
            expect(server.inService).toBeLessThanOrEqual(maxBatch);
            expect(server.offered).toBe(server.served + server.inService + server.queued);
          }
          expect(server.queued + server.inService).toBe(0);
          const served = batches.flatMap((b) => b.jobs);
          expect(served).toEqual(Array.from({ length: offers.length }, (_, i) => i));
          expect(batches.every((b) => b.jobs.length >= 1 && b.jobs.length <= maxBatch)).toBe(true);
        },
      ),
    );
  });

  it("with maxBatch 1 serves one job at a time at once, like a single worker", () => {
    const { sim, server, batches } = build(1, 1, 50, () => 10);
    [0, 1, 2].forEach((job) => server.offer(job));
    expect(server.inService).toBe(1);
    sim.runUntil(100);
    expect(batches).toEqual([
      { done: 10, jobs: [0] },
      { done: 20, jobs: [1] },
      { done: 30, jobs: [2] },
    ]);
  });

  it("starts a batch when it is full, or when the oldest job has waited maxWaitMs, whichever comes first", () => {
    const { sim, server, batches } = build(1, 3, 5, () => 10);
    sim.schedule(0, "a", () => server.offer(0));
    sim.schedule(1, "b", () => server.offer(1));
    sim.schedule(2, "c", () => server.offer(2)); // full at 2 ms: starts at once, done at 12
    sim.schedule(20, "d", () => server.offer(3)); // alone: waits until 25, done at 35
    sim.schedule(40, "e", () => server.offer(4));
    sim.schedule(43, "f", () => server.offer(5)); // the wait runs from the oldest (40): starts at 45
    sim.runUntil(100);
    expect(batches).toEqual([
      { done: 12, jobs: [0, 1, 2] },
      { done: 35, jobs: [3] },
      { done: 55, jobs: [4, 5] },
    ]);
  });

  it("takes what waited while it was busy without waiting again, and counts its busy time", () => {
    const { sim, server, batches } = build(1, 4, 5, () => 10);
    sim.schedule(0, "a", () => server.offer(0));
    for (let i = 1; i <= 6; i++) sim.schedule(6 + i, `job ${i}`, () => server.offer(i));
    sim.runUntil(100);
    // 0 starts at 5; 1..6 arrive while it runs; at 15 the first four go (full); at 25 the rest,
    // whose oldest has waited longer than 5 ms already.
    expect(batches).toEqual([
      { done: 15, jobs: [0] },
      { done: 25, jobs: [1, 2, 3, 4] },
      { done: 35, jobs: [5, 6] },
    ]);
    expect(server.batches).toBe(3);
    expect(server.busyMs()).toBe(30);
  });

  it("starts nothing while stalled and catches up on resume", () => {
    const { sim, server, batches } = build(1, 8, 0, () => 10);
    server.stall();
    [0, 1, 2].forEach((job) => server.offer(job));
    sim.runUntil(50);
    expect(batches).toEqual([]);
    expect(server.queued).toBe(3);
    sim.schedule(60, "resume", () => server.resume());
    sim.runUntil(100);
    expect(batches).toEqual([{ done: 70, jobs: [0, 1, 2] }]);
  });

  it("rejects nonsense sizes", () => {
    const sim = new Simulation<never, BatchTimer<number>>({ seed: 1 });
    expect(() => new BatchServer(sim, "s", { maxBatch: 0, maxWaitMs: 0, serviceTime: () => 1, onDone: () => {} })).toThrow(/maxBatch/);
    expect(() => new BatchServer(sim, "s", { maxBatch: 2, maxWaitMs: -1, serviceTime: () => 1, onDone: () => {} })).toThrow(/maxWaitMs/);
  });
});
