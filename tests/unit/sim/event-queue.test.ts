import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventQueue } from "@/lib/sim/event-queue";

interface Item {
  at: number;
  seq: number;
  label: number;
}

describe("EventQueue", () => {
  it("pops by time, and items due at the same time in the order they were pushed", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const queue = new EventQueue<Item>();
        times.forEach((at, label) => queue.push({ at, seq: 0, label }));
        const popped: Item[] = [];
        for (let item = queue.pop(); item !== undefined; item = queue.pop()) popped.push(item);
        // A stable sort by time is exactly (time, insertion order).
        const expected = times.map((at, label) => ({ at, label })).sort((a, b) => a.at - b.at);
        expect(popped.map(({ at, label }) => ({ at, label }))).toEqual(expected);
      }),
    );
  });

  it("keeps its order when pushes and pops interleave", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }), { maxLength: 300 }), (ops) => {
        const queue = new EventQueue<Item>();
        const model: Item[] = [];
        let label = 0;
        for (const op of ops) {
          if (op === undefined) {
            model.sort((a, b) => a.at - b.at || a.seq - b.seq);
            const expected = model.shift();
            expect(queue.pop()?.label).toBe(expected?.label);
          } else {
            const item = { at: op, seq: 0, label: label++ };
            queue.push(item);
            model.push(item);
          }
          expect(queue.size).toBe(model.length);
        }
      }),
    );
  });
});
