import fc from "fast-check";
import { compareTimestamps } from "@/lib/progress/clock";
import { compareTimestamps as cmp, type Timestamp } from "@/lib/progress/clock";
import { canonicalFacts, latestTimestamp, mergeFacts, pruneBefore, restampBefore } from "@/lib/progress/merge";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { facts } from "./arbitraries";

function same(a: ProgressFacts, b: ProgressFacts): void {
  expect(canonicalFacts(a)).toBe(canonicalFacts(b));
}
// Two copies that have each been through at least one merge are normalised (pruned by their own reset).
const normal = facts.map((f) => pruneBefore(f, f.resetAt));

describe("mergeFacts", () => {
  it("is commutative", () => {
    fc.assert(fc.property(facts, facts, (a, b) => {
      same(mergeFacts(a, b), mergeFacts(b, a));
    }));
  });

  it("is associative", () => {
    fc.assert(fc.property(facts, facts, facts, (a, b, c) => {
      same(mergeFacts(mergeFacts(a, b), c), mergeFacts(a, mergeFacts(b, c)));
    }));
  });

  it("is idempotent", () => {
    fc.assert(fc.property(normal, (a) => {
      same(mergeFacts(a, a), a);
    }));
    fc.assert(fc.property(facts, facts, (a, b) => {
      same(mergeFacts(mergeFacts(a, b), b), mergeFacts(a, b));
    }));
  });

  it("has the empty set of facts as identity", () => {
    fc.assert(fc.property(normal, (a) => {
      same(mergeFacts(a, emptyFacts()), a);
    }));
  });

  it("never loses a tick: every write survives unless a later write or a later reset replaces it", () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const merged = mergeFacts(a, b);
        for (const input of [a, b]) {
          for (const [lessonId, items] of Object.entries(input.checklist)) {
            for (const [itemId, written] of Object.entries(items)) {
              const kept = merged.checklist[lessonId]?.[itemId];
              const resetLater = merged.resetAt !== null && compareTimestamps(written.at, merged.resetAt) <= 0;
              if (resetLater) continue;
              expect(kept).toBeDefined();
              expect(compareTimestamps(kept!.at, written.at)).toBeGreaterThanOrEqual(0);
              if (compareTimestamps(kept!.at, written.at) === 0 && kept!.at.device === written.at.device) {
                // Same event seen from both sides: the value cannot change.
                if (a.checklist[lessonId]?.[itemId]?.at === written.at && b.checklist[lessonId]?.[itemId]?.at === written.at) {
                  expect(kept!.value).toBe(written.value);
                }
              }
            }
          }
        }
      }),
    );
  });

  it("keeps every quiz attempt after the last reset", () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const merged = mergeFacts(a, b);
        for (const attempt of [...Object.values(a.attempts), ...Object.values(b.attempts)]) {
          const afterReset = merged.resetAt === null || compareTimestamps(attempt.at, merged.resetAt) > 0;
          if (afterReset) expect(compareTimestamps(merged.attempts[attempt.id]!.at, attempt.at)).toBeGreaterThanOrEqual(0);
        }
        for (const kept of Object.values(merged.attempts)) {
          expect(merged.resetAt === null || compareTimestamps(kept.at, merged.resetAt) > 0).toBe(true);
        }
      }),
    );
  });

  it("keeps every self-assessment answer and review event after the last reset, and none before it", () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const merged = mergeFacts(a, b);
        for (const name of ["answers", "reviews"] as const) {
          for (const event of [...Object.values(a[name]), ...Object.values(b[name])]) {
            const afterReset = merged.resetAt === null || compareTimestamps(event.at, merged.resetAt) > 0;
            if (afterReset) expect(compareTimestamps(merged[name][event.id]!.at, event.at)).toBeGreaterThanOrEqual(0);
          }
          for (const kept of Object.values(merged[name])) {
            expect(merged.resetAt === null || compareTimestamps(kept.at, merged.resetAt) > 0).toBe(true);
          }
        }
      }),
    );
  });

  it("merges tested-out and review-lesson marks as registers: the latest write after the reset wins", () => {
    fc.assert(
      fc.property(facts, facts, (a, b) => {
        const merged = mergeFacts(a, b);
        for (const name of ["testedOut", "reviewLessons"] as const) {
          const lessons = new Set([...Object.keys(a[name]), ...Object.keys(b[name])]);
          for (const lessonId of lessons) {
            const writes = [a[name][lessonId], b[name][lessonId]].filter((r) => r !== undefined);
            const latest = writes.reduce((x, y) => (compareTimestamps(x.at, y.at) >= 0 ? x : y));
            const afterReset = merged.resetAt === null || compareTimestamps(latest.at, merged.resetAt) > 0;
            if (afterReset) expect(merged[name][lessonId]!.at).toEqual(latest.at);
            else expect(merged[name][lessonId]).toBeUndefined();
          }
        }
      }),
    );
  });

  it("moves a clock past every fact, and restamps old facts after the cutoff in their old order", () => {
    fc.assert(
      fc.property(facts, (f) => {
        const latest = latestTimestamp(f);
        const all: Timestamp[] = [
          ...Object.values(f.checklist).flatMap((items) => Object.values(items).map((r) => r.at)),
          ...[f.skipped, f.attempts, f.testedOut, f.reviewLessons, f.answers, f.reviews].flatMap((r) => Object.values(r).map((x) => x.at)),
        ];
        for (const at of all) expect(cmp(latest!, at)).toBeGreaterThanOrEqual(0);

        const cutoff = { wall: 10, counter: 0, device: "device-b" };
        let counter = 0;
        const restamped = restampBefore(f, cutoff, () => ({ wall: 100, counter: counter++, device: "local" }));
        for (const r of Object.values(restamped.reviews)) expect(cmp(r.at, cutoff)).toBeGreaterThan(0);
        // Any two restamped review events keep their order (and equal stamps stay equal).
        const before = Object.values(f.reviews).filter((r) => cmp(r.at, cutoff) <= 0);
        const after = before.map((r) => restamped.reviews[r.id]!);
        before.forEach((x, i) => before.forEach((y, j) => expect(Math.sign(cmp(after[i]!.at, after[j]!.at))).toBe(Math.sign(cmp(x.at, y.at)))));
      }),
    );
  });

  it("lets the later write win, and a reset clear what came before it", () => {
    const at = (wall: number, device = "device-a") => ({ wall, counter: 0, device });
    const a: ProgressFacts = { ...emptyFacts(), checklist: { x: { i: { value: true, at: at(5) } } } };
    const b: ProgressFacts = { ...emptyFacts(), checklist: { x: { i: { value: false, at: at(7, "device-b") } } } };
    expect(mergeFacts(a, b).checklist.x?.i?.value).toBe(false);
    const reset: ProgressFacts = { ...emptyFacts(), resetAt: at(6) };
    expect(mergeFacts(a, reset).checklist).toEqual({});
    expect(mergeFacts(b, reset).checklist.x?.i?.value).toBe(false);
  });
});
