import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/sim/rng";

describe("Rng", () => {
  it("gives the same stream for the same seed and a different one for another seed", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const streamA = Array.from({ length: 100 }, () => a.nextUint32());
    const streamB = Array.from({ length: 100 }, () => b.nextUint32());
    const streamC = Array.from({ length: 100 }, () => c.nextUint32());
    expect(streamA).toEqual(streamB);
    expect(streamA).not.toEqual(streamC);
  });

  it("resumes exactly from a saved state", () => {
    const rng = new Rng(7);
    for (let i = 0; i < 10; i++) rng.float();
    const copy = Rng.fromState(rng.state());
    expect(Array.from({ length: 20 }, () => copy.float())).toEqual(Array.from({ length: 20 }, () => rng.float()));
  });

  it("keeps every draw in its range", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (seed, min, span) => {
        const rng = new Rng(seed);
        for (let i = 0; i < 50; i++) {
          const f = rng.float();
          const n = rng.int(min, min + span);
          const e = rng.exponential(10);
          const z = rng.normal();
          const inRange = f >= 0 && f < 1 && Number.isInteger(n) && n >= min && n <= min + span && e >= 0 && Number.isFinite(z);
          if (!inRange) return false;
        }
        return true;
      }),
    );
  });

  it("has the moments of a uniform and an exponential distribution", () => {
    const rng = new Rng(1);
    const n = 200_000;
    let sum = 0;
    let sumExp = 0;
    let heads = 0;
    for (let i = 0; i < n; i++) {
      sum += rng.float();
      sumExp += rng.exponential(5);
      if (rng.bernoulli(0.3)) heads++;
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sumExp / n).toBeGreaterThan(4.9);
    expect(sumExp / n).toBeLessThan(5.1);
    expect(heads / n).toBeCloseTo(0.3, 2);
  });

  it("shuffles into a permutation without touching the input", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 30 }), (seed, items) => {
        const before = items.slice();
        const shuffled = new Rng(seed).shuffle(items);
        expect(items).toEqual(before);
        expect([...shuffled].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });

  it("picks only members and refuses an empty list", () => {
    const rng = new Rng(3);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(rng.pick(["a", "b", "c"]));
    expect([...seen].sort()).toEqual(["a", "b", "c"]);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it("forks generators that differ from the parent and from each other", () => {
    const parent = new Rng(9);
    const first = parent.fork();
    const second = parent.fork();
    const a = Array.from({ length: 10 }, () => first.nextUint32());
    const b = Array.from({ length: 10 }, () => second.nextUint32());
    const c = Array.from({ length: 10 }, () => parent.nextUint32());
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
  });
});
