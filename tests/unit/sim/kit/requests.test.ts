import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RequestLedger } from "@/lib/sim/kit";
import { Metrics } from "@/lib/sim/metrics";

/** A ledger on a clock the test moves by hand. */
function ledgerAt(bucketMs = 100) {
  const clock = { now: 0, metrics: new Metrics() };
  return { clock, requests: new RequestLedger(clock, { bucketMs }) };
}

type Op = { kind: "start"; dt: number } | { kind: "ok" | "failed" | "timed-out"; target: number; dt: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("start" as const), dt: fc.integer({ min: 0, max: 50 }) }),
  fc.record({ kind: fc.constantFrom("ok" as const, "failed" as const, "timed-out" as const), target: fc.nat(40), dt: fc.integer({ min: 0, max: 50 }) }),
);

describe("RequestLedger", () => {
  it("ends every request exactly once: started = ok + failed + timed out + in flight after every step, and a second end changes nothing", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 120 }), (ops) => {
        const { clock, requests } = ledgerAt();
        const ended = new Map<number, string>();
        for (const op of ops) {
          clock.now += op.dt;
          if (op.kind === "start") {
            expect(requests.start()).toBe(requests.started - 1);
          } else {
            const before = [requests.ok, requests.failed, requests.timedOut];
            const accepted = op.kind === "ok" ? requests.succeed(op.target) : requests.fail(op.target, op.kind);
            const shouldAccept = op.target < requests.started && !ended.has(op.target);
            expect(accepted).toBe(shouldAccept);
            if (accepted) ended.set(op.target, op.kind);
            else expect([requests.ok, requests.failed, requests.timedOut]).toEqual(before);
          }
          expect(requests.ok + requests.failed + requests.timedOut + requests.inFlight).toBe(requests.started);
          expect(requests.inFlight).toBeGreaterThanOrEqual(0);
        }
        const count = (kind: string) => [...ended.values()].filter((k) => k === kind).length;
        expect(requests.ok).toBe(count("ok"));
        expect(requests.failed).toBe(count("failed"));
        expect(requests.timedOut).toBe(count("timed-out"));
        expect(requests.latency.count).toBe(requests.ok);
        expect(requests.failures).toBe(requests.failed + requests.timedOut);
      }),
    );
  });

  it("measures latency from start to a successful end and charts it per bucket of end time", () => {
    const { clock, requests } = ledgerAt(100);
    const a = requests.start();
    clock.now = 30;
    const b = requests.start();
    clock.now = 70;
    requests.succeed(a); // 70 ms
    clock.now = 150;
    requests.succeed(b); // 120 ms
    clock.now = 200;
    expect(requests.latency.samples()).toEqual([70, 120]);
    expect(requests.latencyOverTime.points(200, 50)).toEqual([
      [0, 70],
      [100, 120],
    ]);
    expect(requests.okRate.points(200)).toEqual([
      [0, 10],
      [100, 10],
    ]);
  });

  it("knows the window over which failing requests were issued, and the failure share of all started", () => {
    const { clock, requests } = ledgerAt();
    const ids = [0, 1000, 2500, 4000].map((t) => {
      clock.now = t;
      return requests.start();
    });
    expect(requests.failingWindowMs()).toBe(0);
    clock.now = 5000;
    requests.fail(ids[2]!, "timed-out");
    requests.fail(ids[1]!);
    requests.succeed(ids[0]!);
    expect(requests.failingWindowMs()).toBe(1500);
    expect(requests.lastFailureStartedAt).toBe(2500);
    expect(requests.failurePercent()).toBe(50);
    expect(requests.failureRate.countAt(5000)).toBe(2);
  });

  it("counts attempts, retries and late replies", () => {
    const { requests } = ledgerAt();
    requests.attempt(1);
    requests.attempt(2);
    requests.attempt(3);
    requests.attempt(1);
    requests.lateReply();
    expect([requests.attempts, requests.retries, requests.lateReplies]).toEqual([4, 2, 1]);
  });
});
