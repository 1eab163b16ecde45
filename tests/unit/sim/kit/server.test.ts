import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "@/lib/sim/engine";
import { WorkerPool, type Served } from "@/lib/sim/kit";
import { Latency } from "@/lib/sim/latency";

type Script =
  | { kind: "offer"; at: number }
  | { kind: "stall"; at: number; for: number }
  | { kind: "crash"; at: number; for: number };

const scriptArb: fc.Arbitrary<Script[]> = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant("offer" as const), at: fc.integer({ min: 0, max: 400 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("stall" as const), at: fc.integer({ min: 0, max: 400 }), for: fc.integer({ min: 1, max: 100 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("crash" as const), at: fc.integer({ min: 0, max: 400 }), for: fc.integer({ min: 1, max: 100 }) }) },
  ),
  { maxLength: 80 },
);

/** A pool on node "s", driven by a script of offers, stalls and crashes. */
function buildPool(seed: number, workers: number, queueLimit: number, script: Script[]) {
  const sim = new Simulation<never, Served<number>>({ seed });
  const done: number[] = [];
  const pool = new WorkerPool<number>(sim, "s", { workers, queueLimit, serviceTime: Latency.uniform(5, 40), onDone: (job) => done.push(job) });
  sim.addNode({ id: "s", role: "server", x: 0.5, y: 0.5, onTimer: (t) => pool.finish(t.payload), onCrash: () => pool.crash() });
  let nextJob = 0;
  for (const step of script) {
    // Like a message, an offer reaches only a node that is up.
    if (step.kind === "offer") sim.schedule(step.at, "offer", () => sim.isUp("s") && pool.offer(nextJob++));
    else if (step.kind === "stall") {
      sim.schedule(step.at, "stall", () => pool.stall());
      sim.schedule(step.at + step.for, "resume", () => pool.resume());
    } else {
      sim.schedule(step.at, "crash", () => sim.crash("s"));
      sim.schedule(step.at + step.for, "recover", () => sim.recover("s"));
    }
  }
  return { sim, pool, done };
}

describe("WorkerPool", () => {
  it("never runs more jobs than it has workers, never queues more than its bound, and accounts for every job offered", () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom(1, 2, 3, Number.POSITIVE_INFINITY),
        fc.constantFrom(0, 1, 3, Number.POSITIVE_INFINITY),
        scriptArb,
        (seed, workers, queueLimit, script) => {
          const { sim, pool, done } = buildPool(seed, workers, queueLimit, script);
          const check = () => {
            expect(pool.busy).toBeLessThanOrEqual(workers);
            expect(pool.queued).toBeLessThanOrEqual(queueLimit);
            expect(pool.offered).toBe(pool.served + pool.rejected + pool.busy + pool.queued + pool.lost);
            expect(done.length).toBe(pool.served);
          };
          for (;;) {
            const busyBefore = pool.busy;
            const stalledBefore = pool.stalled;
            if (!sim.step()) break;
            // A stalled pool starts nothing: its busy count can only fall.
            if (stalledBefore && pool.stalled) expect(pool.busy).toBeLessThanOrEqual(busyBefore);
            check();
          }
          // With the script over and the node up, everything accepted has been served or lost.
          expect(pool.busy + pool.queued).toBe(0);
        },
      ),
    );
  });

  it("serves in the order offered, rejects only when full, and says what happened to each offer", () => {
    const sim = new Simulation<never, Served<string>>({ seed: 1 });
    const done: string[] = [];
    const pool = new WorkerPool<string>(sim, "s", { workers: 1, queueLimit: 2, serviceTime: Latency.constant(10), onDone: (j) => done.push(j) });
    sim.addNode({ id: "s", role: "server", x: 0, y: 0, onTimer: (t) => pool.finish(t.payload) });
    expect(["a", "b", "c", "d"].map((job) => pool.offer(job))).toEqual(["started", "queued", "queued", "rejected"]);
    expect(pool.maxQueued).toBe(2);
    sim.runUntil(100);
    expect(done).toEqual(["a", "b", "c"]);
    expect(sim.now).toBe(100);
  });

  it("keeps first-in first-out order when a finished job offers another from onDone", () => {
    const sim = new Simulation<never, Served<string>>({ seed: 2 });
    const done: string[] = [];
    const pool: WorkerPool<string> = new WorkerPool<string>(sim, "s", {
      workers: 1,
      serviceTime: Latency.constant(10),
      onDone: (job) => {
        done.push(job);
        if (job === "a") expect(pool.offer("a-follow-up")).toBe("queued"); // behind b and c
      },
    });
    sim.addNode({ id: "s", role: "server", x: 0, y: 0, onTimer: (t) => pool.finish(t.payload) });
    ["a", "b", "c"].forEach((job) => pool.offer(job));
    sim.runUntil(100);
    expect(done).toEqual(["a", "b", "c", "a-follow-up"]);
  });

  it("records service times into a shared histogram, and an unlimited pool starts everything at once", () => {
    const sim = new Simulation<never, Served<number>>({ seed: 4 });
    const times = sim.metrics.histogram("service");
    const pool = new WorkerPool<number>(sim, "s", { workers: Number.POSITIVE_INFINITY, serviceTime: Latency.uniform(1, 2), serviceTimes: times, onDone: () => {} });
    sim.addNode({ id: "s", role: "server", x: 0, y: 0, onTimer: (t) => pool.finish(t.payload) });
    for (let i = 0; i < 50; i++) expect(pool.offer(i)).toBe("started");
    expect(pool.busy).toBe(50);
    expect(times.count).toBe(50);
    expect(times.min()).toBeGreaterThanOrEqual(1);
    expect(times.max()).toBeLessThan(2);
  });

  it("rejects nonsense sizes", () => {
    const sim = new Simulation<never, Served<number>>({ seed: 1 });
    expect(() => new WorkerPool(sim, "s", { workers: 0, serviceTime: Latency.constant(1), onDone: () => {} })).toThrow(/workers/);
    expect(() => new WorkerPool(sim, "s", { workers: 1, queueLimit: -1, serviceTime: Latency.constant(1), onDone: () => {} })).toThrow(/queueLimit/);
  });
});
