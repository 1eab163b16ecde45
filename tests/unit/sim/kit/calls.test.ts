import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Simulation } from "@/lib/sim/engine";
import { PendingCalls, type CallTimeout } from "@/lib/sim/kit";
import { Latency } from "@/lib/sim/latency";

type Msg = { readonly call: number; readonly delay: number };
type Tm = CallTimeout | { readonly type: "answer"; readonly call: number };

describe("PendingCalls", () => {
  it("ends every call exactly once: answered if the reply beats the timeout, expired otherwise, and a late reply finds nothing", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 10, max: 150 }), (seed, delays, timeoutMs) => {
        const sim = new Simulation<Msg, Tm>({ seed, defaultLink: { latency: Latency.constant(1), loss: 0 } });
        const calls = new PendingCalls<number>(sim, "a", timeoutMs);
        const outcome = new Map<number, "answered" | "expired">();
        let late = 0;
        sim.addNode({
          id: "a",
          role: "caller",
          x: 0,
          y: 0,
          onMessage: (m) => {
            const index = calls.settle(m.payload.call);
            if (index === undefined) late++;
            else {
              expect(outcome.has(index)).toBe(false);
              outcome.set(index, "answered");
            }
          },
          onTimer: (t) => {
            if (t.payload.type !== "call-timeout") return;
            const index = calls.expire(t.payload);
            if (index !== undefined) {
              expect(outcome.has(index)).toBe(false);
              outcome.set(index, "expired");
            }
          },
        });
        // b answers each call after its own delay (2 ms of links on top).
        sim.addNode({ id: "b", role: "callee", x: 1, y: 0, onMessage: (m) => sim.setTimer("b", m.payload.delay, { type: "answer", call: m.payload.call }), onTimer: (t) => {
          if (t.payload.type === "answer") sim.send("b", "a", "response", { call: t.payload.call, delay: 0 });
        } });
        delays.forEach((delay, index) => sim.send("a", "b", "request", { call: calls.open(index), delay }));
        expect(calls.size).toBe(delays.length);
        sim.runUntil(1000);
        expect(calls.size).toBe(0);
        expect(outcome.size).toBe(delays.length);
        delays.forEach((delay, index) => {
          const roundTrip = delay + 2;
          if (roundTrip < timeoutMs) expect(outcome.get(index)).toBe("answered");
          if (roundTrip > timeoutMs) expect(outcome.get(index)).toBe("expired");
        });
        expect(late).toBe([...outcome.values()].filter((o) => o === "expired").length);
      }),
    );
  });
});
