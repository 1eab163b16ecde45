import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareHlc, compareVectors, HybridLogicalClock, mergeVectors } from "@/lib/sim/kit/logical-clocks";

describe("HybridLogicalClock", () => {
  it("stamps every event after every event it causally follows, whatever the wall clocks read", () => {
    // Two nodes exchange messages; each node's wall readings are arbitrary (skewed, stepped back).
    const step = fc.record({ node: fc.integer({ min: 0, max: 1 }), wall: fc.integer({ min: -1000, max: 1000 }), receive: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        const clocks = [new HybridLogicalClock(), new HybridLogicalClock()];
        const lastStamp = [null, null] as (ReturnType<HybridLogicalClock["now"]> | null)[];
        for (const { node, wall, receive } of steps) {
          const clock = clocks[node]!;
          const other = lastStamp[1 - node];
          if (receive && other) clock.observe(other, wall);
          const before = lastStamp[node];
          const stamp = clock.now(wall);
          if (before) expect(compareHlc(stamp, before)).toBeGreaterThan(0);
          if (receive && other) expect(compareHlc(stamp, other)).toBeGreaterThan(0);
          lastStamp[node] = stamp;
        }
      }),
    );
  });

  it("follows the wall clock when it moves forward, and counts when it does not", () => {
    const clock = new HybridLogicalClock();
    expect(clock.now(100)).toEqual({ wall: 100, logical: 0 });
    expect(clock.now(90)).toEqual({ wall: 100, logical: 1 });
    clock.observe({ wall: 150, logical: 4 }, 95);
    expect(clock.now(120)).toEqual({ wall: 150, logical: 6 });
    expect(clock.now(200)).toEqual({ wall: 200, logical: 0 });
  });
});

describe("version vectors", () => {
  it("tell before, after, equal and concurrent apart", () => {
    expect(compareVectors({ a: 1 }, { a: 2 })).toBe("before");
    expect(compareVectors({ a: 2, b: 1 }, { a: 2 })).toBe("after");
    expect(compareVectors({ a: 1, b: 0 }, { a: 1 })).toBe("equal");
    expect(compareVectors({ a: 2 }, { b: 1 })).toBe("concurrent");
  });

  it("merge to a vector that has seen both, and is after or equal to each", () => {
    const vector = fc.dictionary(fc.constantFrom("a", "b", "c"), fc.integer({ min: 0, max: 5 }));
    fc.assert(
      fc.property(vector, vector, (x, y) => {
        const m = mergeVectors([x, y]);
        expect(["after", "equal"]).toContain(compareVectors(m, x));
        expect(["after", "equal"]).toContain(compareVectors(m, y));
      }),
    );
  });
});
