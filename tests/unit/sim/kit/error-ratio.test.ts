import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorRatioIn, RequestLedger } from "@/lib/sim/kit";
import { Metrics } from "@/lib/sim/metrics";

/** Ends one request per entry at its time, ok or failed, on a ledger with 1 s buckets. */
function ledgerWith(ends: readonly { t: number; ok: boolean }[]) {
  const clock = { now: 0, metrics: new Metrics() };
  const ledger = new RequestLedger(clock, { bucketMs: 1000 });
  for (const end of [...ends].sort((a, b) => a.t - b.t)) {
    clock.now = end.t;
    const id = ledger.start();
    if (end.ok) ledger.succeed(id);
    else ledger.fail(id);
  }
  return ledger;
}

const endArb = fc.record({ t: fc.integer({ min: 0, max: 9999 }), ok: fc.boolean() });

describe("errorRatioIn", () => {
  it("counts exactly the requests that ended in the whole buckets of the window, and their failures", () => {
    fc.assert(
      fc.property(fc.array(endArb, { maxLength: 200 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), (ends, a, b) => {
        const [from, to] = [Math.min(a, b) * 1000, Math.max(a, b) * 1000];
        const inside = ends.filter((e) => e.t >= from && e.t < to);
        const ratio = errorRatioIn([ledgerWith(ends)], from, to);
        expect(ratio.requests).toBe(inside.length);
        expect(ratio.errors).toBe(inside.filter((e) => !e.ok).length);
        expect(ratio.percent).toBe(inside.length === 0 ? 0 : (100 * ratio.errors) / inside.length);
      }),
    );
  });

  it("adds up several ledgers as one population", () => {
    const a = ledgerWith([{ t: 100, ok: true }, { t: 200, ok: false }]);
    const b = ledgerWith([{ t: 300, ok: true }, { t: 1500, ok: false }]);
    expect(errorRatioIn([a, b], 0, 1000)).toEqual({ requests: 3, errors: 1, percent: 100 / 3 });
    expect(errorRatioIn([a, b], 0, 2000)).toEqual({ requests: 4, errors: 2, percent: 50 });
  });

  it("starts at the first whole bucket at or after fromMs and answers 0% for an empty window", () => {
    const ledger = ledgerWith([{ t: 500, ok: false }, { t: 1200, ok: true }]);
    expect(errorRatioIn([ledger], 400, 2000)).toEqual({ requests: 1, errors: 0, percent: 0 });
    expect(errorRatioIn([ledger], 5000, 8000)).toEqual({ requests: 0, errors: 0, percent: 0 });
  });
});
