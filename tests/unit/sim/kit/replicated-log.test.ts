import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "@/lib/sim/engine";
import { Latency } from "@/lib/sim/latency";
import { ReplicatedLog, TERM_STAMP, type ReplicatedLogOptions, type ReplicationMessage, type ReplicationTimer } from "@/lib/sim/kit/replicated-log";

type Op = { readonly value: number };

/** n replicas r1..rn on 2-8 ms links, each node handing the part its messages and timers. */
function cluster(n: number, seed: number, hooks: Partial<ReplicatedLogOptions<number, Op>> = {}) {
  const sim = new Simulation<ReplicationMessage<number>, ReplicationTimer>({ seed, defaultLink: { latency: Latency.uniform(2, 8), loss: 0 } });
  const ids = Array.from({ length: n }, (_, i) => `r${i + 1}`);
  const log = new ReplicatedLog<number, Op>(sim, { replicas: ids, shipEveryMs: 50, electionTimeoutMs: { min: 300, max: 600 }, ...hooks });
  for (const r of log.replicas) {
    sim.addNode({
      id: r.id,
      role: "replica",
      x: 0,
      y: 0,
      onMessage: ({ from, payload }) => log.onMessage(r, from, payload),
      onTimer: ({ payload }) => log.onTimer(r, payload),
      onCrash: () => log.crashed(r),
      onRecover: () => log.recovered(r),
    });
  }
  log.start();
  return { sim, log };
}

describe("ReplicatedLog", () => {
  it("keeps the first replica as leader while nothing fails, and the followers converge on its list", () => {
    const { sim, log } = cluster(3, 1);
    const leader = log.leader();
    expect(leader?.id).toBe("r1");
    sim.schedule(100, "append", () => leader !== null && log.change(leader, 7));
    sim.schedule(200, "append", () => leader !== null && log.change(leader, 8));
    sim.runUntil(2000);
    expect(log.elections).toBe(0);
    expect(log.leader()?.id).toBe("r1");
    expect(log.replicas.map((r) => r.list)).toEqual([[7, 8], [7, 8], [7, 8]]);
    expect(log.replicas.every((r) => r.stamp === TERM_STAMP + 2)).toBe(true);
  });

  it("elects a follower in a newer term after the leader crashes, and the old leader follows it when it returns", () => {
    const elected: string[] = [];
    const { sim, log } = cluster(3, 2, { onElected: (r) => elected.push(`${r.id}@${r.term}`) });
    sim.schedule(500, "crash", () => sim.crash("r1"));
    sim.schedule(3000, "recover", () => sim.recover("r1"));
    sim.runUntil(2000);
    const leader = log.leader();
    expect(leader).not.toBeNull();
    expect(leader?.id).not.toBe("r1");
    expect(leader?.term).toBeGreaterThan(1);
    expect(elected).toHaveLength(log.elections);
    sim.runUntil(5000);
    expect(log.replica("r1")?.role).toBe("follower");
    expect(log.replica("r1")?.leader).toBe(leader?.id);
  });

  it("confirms a waiting change only once a majority holds it: two followers of five, not one", () => {
    const confirmed: number[] = [];
    const { sim, log } = cluster(5, 3, { onConfirmed: (_, ops) => confirmed.push(...ops.map((o) => o.value)) });
    // r1 reaches only r2 until 1 s: with itself that is two of five, not a majority.
    const cut = sim.partition(["r1", "r2"], ["r3", "r4", "r5"]);
    sim.schedule(100, "append", () => {
      const leader = log.leader();
      if (leader !== null) log.awaitConfirmation(leader, log.change(leader, 42), { value: 42 });
    });
    sim.schedule(250, "heal", () => sim.heal(cut));
    sim.runUntil(240);
    expect(log.replica("r2")?.list).toEqual([42]);
    expect(confirmed).toEqual([]);
    sim.runUntil(400);
    expect(confirmed).toEqual([42]);
  });

  it("tells when a follower drops a value it held, as an old leader does when it rejoins behind a new one", () => {
    const dropped: number[] = [];
    const { sim, log } = cluster(3, 4, { onDropped: (_, __, values) => dropped.push(...values) });
    sim.schedule(100, "append and crash", () => {
      const leader = log.leader();
      if (leader !== null) log.change(leader, 5);
      sim.crash("r1"); // before its next shipment: nobody else holds 5
    });
    sim.schedule(1500, "recover", () => sim.recover("r1"));
    sim.runUntil(3000);
    expect(dropped).toEqual([5]);
    expect(log.replicas.every((r) => !r.list.includes(5))).toBe(true);
  });

  const fault = fc.record({ at: fc.integer({ min: 0, max: 4000 }), length: fc.integer({ min: 100, max: 2000 }), who: fc.nat(2), crash: fc.boolean() });
  type Fault = { at: number; length: number; who: number; crash: boolean };
  const inject = (sim: Simulation<ReplicationMessage<number>, ReplicationTimer>, log: ReplicatedLog<number, Op>, faults: readonly Fault[]) => {
    for (const f of faults) {
      const id = `r${f.who + 1}`;
      sim.schedule(f.at, "fault", () => {
        if (f.crash) {
          if (!sim.isUp(id)) return;
          sim.crash(id);
          sim.schedule(sim.now + f.length, "recover", () => sim.recover(id));
        } else {
          const cut = sim.partition([id], log.others(id));
          sim.schedule(sim.now + f.length, "heal", () => sim.heal(cut));
        }
      });
    }
  };

  it("never has two leaders in one term, whatever crashes and partitions hit it (timeouts close together, so candidates often race)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fault, { maxLength: 4 }), (seed, faults) => {
        const leaders = new Map<number, string>();
        const { sim, log } = cluster(3, seed, {
          electionTimeoutMs: { min: 300, max: 305 },
          onElected: (r) => {
            expect(leaders.has(r.term)).toBe(false);
            leaders.set(r.term, r.id);
          },
        });
        inject(sim, log, faults);
        sim.runUntil(10_000);
      }),
      { numRuns: 40 },
    );
  });

  it("settles on one leader whose term every replica holds, a few seconds after the last fault", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(fault, { maxLength: 4 }), (seed, faults) => {
        const { sim, log } = cluster(3, seed);
        inject(sim, log, faults);
        sim.runUntil(10_000);
        const leader = log.leader();
        expect(leader).not.toBeNull();
        expect(log.replicas.every((r) => r.term === leader?.term)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
