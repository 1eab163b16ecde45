import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { busiestSpan, FixedWindow, SlidingWindowLog, type RateLimiter } from "@/lib/sim/kit/window-limiters";

const arrivalsArb = fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 300 }).map((ts) => ts.sort((a, b) => a - b));

function admittedTimes(limiter: RateLimiter, times: readonly number[]): number[] {
  return times.filter((t) => limiter.admit(t));
}

/** The busiest span by brute force: for each admitted time, how many fall in [t, t + span). */
function busiestByHand(times: readonly number[], span: number): number {
  return times.reduce((best, t) => Math.max(best, times.filter((u) => u >= t && u < t + span).length), 0);
}

describe("busiestSpan", () => {
  it("equals a brute-force count over every span starting at an arrival", () => {
    fc.assert(fc.property(arrivalsArb, fc.integer({ min: 1, max: 2000 }), (times, span) => {
      expect(busiestSpan(times, span)).toBe(busiestByHand(times, span));
    }));
  });
});

describe("SlidingWindowLog", () => {
  it("never admits more than the limit in any span of the window, and admits whenever the last window holds fewer", () => {
    fc.assert(fc.property(arrivalsArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1500 }), (times, limit, windowMs) => {
      const limiter = new SlidingWindowLog(limit, windowMs);
      const admitted: number[] = [];
      for (const t of times) {
        const inWindow = admitted.filter((u) => u > t - windowMs).length;
        expect(limiter.admit(t)).toBe(inWindow < limit);
        if (inWindow < limit) admitted.push(t);
      }
      expect(busiestSpan(admitted, windowMs)).toBeLessThanOrEqual(limit);
    }));
  });

  it("says how long until the oldest admission leaves the window", () => {
    const limiter = new SlidingWindowLog(2, 1000);
    expect(limiter.admit(100)).toBe(true);
    expect(limiter.admit(300)).toBe(true);
    expect(limiter.admit(400)).toBe(false);
    expect(limiter.waitMs(400)).toBe(700);
    expect(limiter.admit(1100)).toBe(true); // 100 has left (1100 − 1000 = 100 is not inside)
  });
});

describe("FixedWindow", () => {
  it("never admits more than the limit in one calendar window, and admits exactly the first `limit` of each", () => {
    fc.assert(fc.property(arrivalsArb, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1500 }), (times, limit, windowMs) => {
      const admitted = admittedTimes(new FixedWindow(limit, windowMs), times);
      const perWindow = new Map<number, number[]>();
      for (const t of times) perWindow.set(Math.floor(t / windowMs), [...(perWindow.get(Math.floor(t / windowMs)) ?? []), t]);
      const expected = [...perWindow.values()].flatMap((ts) => ts.slice(0, limit));
      expect(admitted).toEqual(expected);
    }));
  });

  it("lets through twice the limit across a window edge, where a sliding window lets through the limit", () => {
    const burst = [...Array.from({ length: 100 }, (_, i) => 950 + i / 2), ...Array.from({ length: 100 }, (_, i) => 1000 + i / 2)];
    expect(busiestSpan(admittedTimes(new FixedWindow(100, 1000), burst), 1000)).toBe(200);
    expect(busiestSpan(admittedTimes(new SlidingWindowLog(100, 1000), burst), 1000)).toBe(100);
    const fixed = new FixedWindow(100, 1000);
    burst.forEach((t) => fixed.admit(t));
    expect(fixed.waitMs(1060)).toBe(940); // until the next window at 2000
  });

  it("rejects nonsense limits", () => {
    expect(() => new FixedWindow(0, 1000)).toThrow(/limit/);
    expect(() => new SlidingWindowLog(5, 0)).toThrow(/windowMs/);
  });
});
