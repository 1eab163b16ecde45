import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Tracer, type Sampler } from "@/lib/sim/kit/tracing";
import { Rng } from "@/lib/sim/rng";

/** Runs traces of the given durations through a sampler, one after another. */
function sample(sampler: Sampler, durations: readonly number[], seed = 1, slowMs = 300) {
  const clock = { now: 0 };
  const tracer = new Tracer(clock, new Rng(seed), sampler, slowMs);
  const kept = durations.map((d) => {
    const trace = tracer.start("gateway");
    clock.now += d;
    return tracer.end(trace);
  });
  return { tracer, kept };
}

describe("Tracer", () => {
  it("tail sampling keeps every trace slower than its threshold, and every failed one", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 200 }), fc.integer(), (durations, seed) => {
        const { tracer, kept } = sample({ kind: "tail", slowerThanMs: 300, rest: 0.01 }, durations, seed);
        durations.forEach((d, i) => {
          if (d > 300) expect(kept[i]).toBe(true);
        });
        expect(tracer.slow.kept).toBe(tracer.slow.produced);
        expect(tracer.slow.produced).toBe(durations.filter((d) => d > 300).length);
        const clock = { now: 0 };
        const failing = new Tracer(clock, new Rng(seed), { kind: "tail", slowerThanMs: 300, rest: 0 }, 300);
        expect(failing.end(failing.start("a"), true)).toBe(true);
      }),
    );
  });

  it("head sampling decides without looking at the duration: the same traces are kept however long they take", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 100 }), fc.integer(), (durations, seed) => {
        const head: Sampler = { kind: "head", rate: 0.3 };
        const a = sample(head, durations, seed).kept;
        const b = sample(head, durations.map((d) => 1000 - d), seed).kept;
        expect(a).toEqual(b);
      }),
    );
  });

  it("head sampling at 10% keeps about 10% of 5,000 traces, slow or not", () => {
    const durations = Array.from({ length: 5000 }, (_, i) => (i % 50 === 0 ? 500 : 60));
    const { tracer } = sample({ kind: "head", rate: 0.1 }, durations, 7);
    expect(tracer.all.kept / tracer.all.produced).toBeGreaterThan(0.08);
    expect(tracer.all.kept / tracer.all.produced).toBeLessThan(0.12);
    expect(tracer.slow.produced).toBe(100);
    expect(tracer.slow.kept).toBeLessThan(25);
  });

  it("draws one number per trace whichever sampler decides, so switching samplers changes nothing else", () => {
    const durations = [10, 400, 20, 800, 30];
    const rngs = (["head", "tail"] as const).map((kind) => {
      const rng = new Rng(3);
      const clock = { now: 0 };
      const tracer = new Tracer(clock, rng, kind === "head" ? { kind, rate: 0.01 } : { kind, slowerThanMs: 300, rest: 0.01 }, 300);
      for (const d of durations) {
        const t = tracer.start("a");
        clock.now += d;
        tracer.end(t);
      }
      return rng.float();
    });
    expect(rngs[0]).toBe(rngs[1]);
  });

  it("counts spans, split traces, and ends a trace once", () => {
    const clock = { now: 0 };
    const tracer = new Tracer(clock, new Rng(1), { kind: "head", rate: 1 }, 300);
    const trace = tracer.start("inventory", true);
    tracer.span(trace);
    tracer.span(trace);
    clock.now = 50;
    expect(tracer.end(trace)).toBe(true);
    clock.now = 90;
    tracer.end(trace);
    expect(trace.spans).toBe(3);
    expect(trace.endedAt).toBe(50);
    expect(tracer.split).toEqual({ produced: 1, kept: 1 });
    expect(tracer.all).toEqual({ produced: 1, kept: 1 });
    expect(tracer.startedCount).toBe(1);
  });
});
