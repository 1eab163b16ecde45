import fc from "fast-check";
import { compareTimestamps } from "@/lib/progress/clock";
import { canonicalFacts, mergeFacts } from "@/lib/progress/merge";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import {
  arrivedAtOrBefore,
  entriesToFacts,
  entryId,
  factsAfter,
  factsToEntries,
  isPrunedBy,
  jsonBytes,
  parseEntries,
  splitFacts,
} from "@/lib/sync/entries";
import { FACT_KINDS, KIND_NAMES, WATERMARK_KEY } from "@/lib/sync/kinds";
import { facts, timestamp } from "../progress/arbitraries";

/** A lesson with an empty map of items says nothing; entries cannot carry it, so compare without it. */
function withoutEmptyLessons(f: ProgressFacts): ProgressFacts {
  return { ...f, checklist: Object.fromEntries(Object.entries(f.checklist).filter(([, items]) => Object.keys(items).length > 0)) };
}

function same(a: ProgressFacts, b: ProgressFacts) {
  expect(canonicalFacts(withoutEmptyLessons(a))).toBe(canonicalFacts(withoutEmptyLessons(b)));
}

const at = (wall: number, device = "device-a") => ({ wall, counter: 0, device });

describe("facts as entries", () => {
  it("has one kind for every field of the facts", () => {
    expect([...KIND_NAMES].sort()).toEqual(Object.keys(emptyFacts()).sort());
    expect(new Set(Object.values(FACT_KINDS).map((k) => k.shape))).toEqual(new Set(["append-only", "nested-registers", "registers", "watermark"]));
  });

  it("round-trips: facts → entries → facts is the identity", () => {
    fc.assert(
      fc.property(facts, (f) => {
        same(entriesToFacts(factsToEntries(f)), f);
      }),
    );
  });

  it("gives each fact one identity, and rebuilds the same facts from entries in any order", () => {
    const withShuffled = facts.chain((f) => {
      const entries = factsToEntries(f);
      return fc.tuple(fc.constant(f), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }));
    });
    fc.assert(
      fc.property(withShuffled, ([f, shuffled]) => {
        expect(new Set(shuffled.map(entryId)).size).toBe(shuffled.length);
        same(entriesToFacts(shuffled), f);
      }),
    );
  });

  it("keys entries by kind and permanent id, with the lesson they are about", () => {
    const f: ProgressFacts = {
      ...emptyFacts(),
      checklist: { "fault-tolerance": { timeouts: { value: true, at: at(1) } } },
      skipped: { messaging: { value: true, at: at(2) } },
      attempts: { "attempt-0001": { id: "attempt-0001", lessonId: "security", at: at(3), responses: { q1: "a" }, correct: 1, total: 2 } },
      testedOut: { testing: { value: true, at: at(4) } },
      reviews: {
        "review-0001": { id: "review-0001", lessonId: "clocks", questionId: "q2", response: "b", confidence: "sure", correct: false, at: at(5) },
      },
      resetAt: at(0),
    };
    expect(factsToEntries(f)).toEqual([
      { kind: "checklist", key: "fault-tolerance/timeouts", lessonId: "fault-tolerance", at: at(1), body: { value: true } },
      { kind: "skipped", key: "messaging", lessonId: "messaging", at: at(2), body: { value: true } },
      {
        kind: "attempts",
        key: "attempt-0001",
        lessonId: "security",
        at: at(3),
        body: { lessonId: "security", responses: { q1: "a" }, correct: 1, total: 2 },
      },
      { kind: "testedOut", key: "testing", lessonId: "testing", at: at(4), body: { value: true } },
      {
        kind: "reviews",
        key: "review-0001",
        lessonId: "clocks",
        at: at(5),
        body: { lessonId: "clocks", questionId: "q2", response: "b", confidence: "sure", correct: false },
      },
      { kind: "resetAt", key: WATERMARK_KEY, lessonId: null, at: at(0), body: null },
    ]);
  });

  it("validates entries read back from storage", () => {
    const good = factsToEntries({ ...emptyFacts(), skipped: { messaging: { value: true, at: at(2) } } });
    expect(parseEntries(good)).toEqual({ ok: true, facts: { ...emptyFacts(), skipped: { messaging: { value: true, at: at(2) } } } });
    const bad = [{ ...good[0]!, body: { value: "yes" } }];
    expect(parseEntries(bad)).toEqual({ ok: false, reason: expect.stringContaining("skipped.messaging.value") });
  });

  it("selects the facts stamped after a point, and nothing else", () => {
    fc.assert(
      fc.property(facts, timestamp, (f, point) => {
        const after = factsAfter(f, point);
        for (const e of factsToEntries(after)) expect(compareTimestamps(e.at, point)).toBeGreaterThan(0);
        const before = entriesToFacts(factsToEntries(f).filter((e) => compareTimestamps(e.at, point) <= 0));
        same(entriesToFacts([...factsToEntries(before), ...factsToEntries(after)]), f);
      }),
    );
    expect(factsAfter(emptyFacts(), null)).toEqual(emptyFacts());
  });

  it("prunes every kind at or before a reset except the reset itself", () => {
    expect(isPrunedBy({ kind: "checklist", at: at(5) }, at(5))).toBe(true);
    expect(isPrunedBy({ kind: "attempts", at: at(6) }, at(5))).toBe(false);
    expect(isPrunedBy({ kind: "resetAt", at: at(5) }, at(5))).toBe(false);
  });

  it("finds facts that arrived with old timestamps, not local writes", () => {
    const prev: ProgressFacts = { ...emptyFacts(), skipped: { messaging: { value: true, at: at(2) } } };
    const local = { ...prev, skipped: { ...prev.skipped, security: { value: true, at: at(9) } } };
    expect(arrivedAtOrBefore(prev, local, at(5))).toEqual([]);
    const foreign = { ...prev, checklist: { testing: { a: { value: true, at: at(4, "device-b") } } } };
    expect(arrivedAtOrBefore(prev, foreign, at(5)).map(entryId)).toEqual(["checklist:testing/a"]);
    // A changed register (same key, another write) counts too.
    const changed = { ...prev, skipped: { messaging: { value: false, at: at(3, "device-b") } } };
    expect(arrivedAtOrBefore(prev, changed, at(5)).map(entryId)).toEqual(["skipped:messaging"]);
  });

  it("splits facts into pieces under a size, losing and adding nothing", () => {
    fc.assert(
      // The smallest limit leaves room for the empty envelope and a small fact or two.
      fc.property(facts, fc.integer({ min: jsonBytes(emptyFacts()) + 40, max: 2_000 }), (f, maxBytes) => {
        const { pieces, tooLarge } = splitFacts(f, maxBytes);
        for (const piece of pieces) expect(jsonBytes(piece)).toBeLessThanOrEqual(maxBytes);
        const all = [...pieces.flatMap(factsToEntries), ...tooLarge];
        expect(all.length).toBe(factsToEntries(f).length);
        same(entriesToFacts(all), f);
        same(mergeFacts(pieces.reduce(mergeFacts, emptyFacts()), entriesToFacts(tooLarge)), mergeFacts(f, emptyFacts()));
      }),
    );
  });

  it("sets apart a fact that no piece can hold", () => {
    const big: ProgressFacts = {
      ...emptyFacts(),
      attempts: {
        "attempt-0001": { id: "attempt-0001", lessonId: "security", at: at(3), responses: { q1: "x".repeat(500) }, correct: 1, total: 2 },
      },
      skipped: { messaging: { value: true, at: at(2) } },
    };
    const { pieces, tooLarge } = splitFacts(big, 300);
    expect(tooLarge.map(entryId)).toEqual(["attempts:attempt-0001"]);
    expect(pieces).toHaveLength(1);
  });
});
