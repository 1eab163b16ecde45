import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppendHistory } from "@/lib/sim/kit/append-history";

/** A clock the test moves by hand. */
function manualClock() {
  const clock = { now: 0 };
  return { clock, at: (t: number) => (clock.now = t) };
}

describe("AppendHistory", () => {
  it("finds no violation in any history of a correct list (every operation takes effect at one instant inside its interval)", () => {
    // Random operations, each with an interval; a correct list applies each at a point
    // inside it, in time order. Whatever the overlap, the checker must accept the history.
    const op = fc.record({
      kind: fc.constantFrom("append", "read" as const),
      start: fc.integer({ min: 0, max: 1000 }),
      length: fc.integer({ min: 0, max: 200 }),
      point: fc.double({ min: 0, max: 1, noNaN: true }),
      outcome: fc.constantFrom("ok", "ok", "ok", "unknown-applied", "unknown-lost", "failed"),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { clock, at } = manualClock();
        const history = new AppendHistory(clock);
        type Step = { t: number; order: number; run: () => void };
        const steps: Step[] = [];
        const list: number[] = [];
        ops.forEach((o, i) => {
          const end = o.start + o.length;
          const effect = o.start + o.point * o.length;
          let record: ReturnType<AppendHistory["invokeRead"]> | null = null;
          let result: number[] = [];
          steps.push({ t: o.start, order: 0, run: () => (record = o.kind === "append" ? history.invokeAppend(`c${i}`, i) : history.invokeRead(`c${i}`)) });
          if (o.outcome !== "failed" && o.outcome !== "unknown-lost") {
            steps.push({ t: effect, order: 1, run: () => (o.kind === "append" ? list.push(i) : (result = list.slice())) });
          }
          steps.push({
            t: end,
            order: 2,
            run: () => {
              if (record === null) return;
              if (o.outcome === "ok") history.ok(record, o.kind === "read" ? result : null);
              else if (o.outcome === "failed") history.fail(record);
              else history.unknown(record);
            },
          });
        });
        // Invocations first, then effects, then ends at the same instant, so every effect lies inside its interval.
        steps.sort((a, b) => a.t - b.t || a.order - b.order);
        for (const step of steps) {
          at(step.t);
          step.run();
        }
        expect(history.violations).toEqual([]);
        expect(history.lostWrites).toBe(0);
      }),
    );
  });

  it("reports a lost write when a read begun after an append was acknowledged does not contain it", () => {
    const { clock, at } = manualClock();
    const history = new AppendHistory(clock);
    const a1 = history.invokeAppend("c1", 1);
    at(10);
    history.ok(a1);
    const a2 = history.invokeAppend("c1", 2);
    at(20);
    history.ok(a2);
    at(30);
    const read = history.invokeRead("c2");
    at(40);
    const violation = history.ok(read, [1]);
    expect(violation).toEqual({ kind: "lost-write", read: read.id, at: 40, value: 2, since: 20 });
    expect(history.lostWrites).toBe(1);
    at(50);
    const empty = history.invokeRead("c3");
    at(60);
    expect(history.ok(empty, [])).toMatchObject({ kind: "lost-write", value: 1 });
    expect(history.lostWrites).toBe(2); // every missing acknowledged value counts, not only the first
    expect(read.violation).toEqual(violation);
  });

  it("does not require an append whose acknowledgement came after the read began, nor one that timed out", () => {
    const { clock, at } = manualClock();
    const history = new AppendHistory(clock);
    const timedOut = history.invokeAppend("c1", 1);
    const concurrent = history.invokeAppend("c2", 2);
    at(5);
    const read = history.invokeRead("c3");
    at(10);
    history.unknown(timedOut);
    history.ok(concurrent);
    at(15);
    expect(history.ok(read, [])).toBeNull();
    expect(history.violations).toEqual([]);
  });

  it("reports a stale read when a read loses or reorders what a read that ended before it saw", () => {
    const { clock, at } = manualClock();
    const history = new AppendHistory(clock);
    const first = history.invokeRead("c1");
    at(10);
    history.ok(first, [3, 4]); // appends of unknown outcome may be seen
    at(20);
    const second = history.invokeRead("c2");
    at(30);
    expect(history.ok(second, [3])).toEqual({ kind: "stale-read", read: second.id, at: 30, value: 4, since: 10 });
    at(40);
    const third = history.invokeRead("c3");
    at(50);
    expect(history.ok(third, [4, 3])?.kind).toBe("stale-read");
    expect(history.lostWrites).toBe(0);
    expect(history.violations).toHaveLength(2);
  });

  it("ends an operation once: a second ending changes nothing", () => {
    const { clock, at } = manualClock();
    const history = new AppendHistory(clock);
    const op = history.invokeAppend("c1", 7);
    at(3);
    history.unknown(op);
    at(9);
    history.ok(op);
    expect(op.outcome).toBe("unknown");
    expect(op.endedAt).toBe(3);
    expect(history.completed).toBe(1);
    expect(history.last(5)).toEqual([op]);
  });
});
