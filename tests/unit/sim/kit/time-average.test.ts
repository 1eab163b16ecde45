import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TimeAverage } from "@/lib/sim/kit/time-average";

describe("TimeAverage", () => {
  it("weights each level by how long it was held", () => {
    const clock = { now: 0 };
    const avg = new TimeAverage(clock);
    avg.set(2); // 2 for 1 s
    clock.now = 1000;
    avg.set(5); // 5 for 3 s
    clock.now = 4000;
    avg.set(0);
    expect(avg.mean()).toBeCloseTo((2 * 1000 + 5 * 3000) / 4000, 12);
    expect(avg.peak).toBe(5);
    clock.now = 8000; // 0 for 4 s more
    expect(avg.mean()).toBeCloseTo(17_000 / 8000, 12);
  });

  it("equals a step-by-step integral for any sequence of changes, and setting the same level twice changes nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ dt: fc.integer({ min: 0, max: 100 }), level: fc.integer({ min: 0, max: 50 }) }), { minLength: 1, maxLength: 40 }), (steps) => {
        const clock = { now: 0 };
        const avg = new TimeAverage(clock);
        const again = new TimeAverage(clock);
        let area = 0;
        let level = 0;
        for (const step of steps) {
          area += level * step.dt;
          clock.now += step.dt;
          level = step.level;
          avg.set(level);
          again.set(level);
          again.set(level);
        }
        clock.now += 10;
        area += level * 10;
        expect(avg.mean()).toBeCloseTo(area / clock.now, 9);
        expect(again.mean()).toBeCloseTo(avg.mean(), 12);
        expect(avg.value).toBe(level);
      }),
    );
  });

  it("reports the current level before any time has passed", () => {
    const clock = { now: 0 };
    const avg = new TimeAverage(clock);
    avg.set(3);
    expect(avg.mean()).toBe(3);
  });
});
