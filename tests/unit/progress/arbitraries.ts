/** fast-check generators for progress facts: small id pools so that copies collide often. */
import fc from "fast-check";
import type { Timestamp } from "@/lib/progress/clock";
import type { ProgressFacts, QuizAttempt, Register } from "@/lib/progress/types";

export const timestamp: fc.Arbitrary<Timestamp> = fc.record({
  wall: fc.integer({ min: 0, max: 20 }),
  counter: fc.integer({ min: 0, max: 3 }),
  device: fc.constantFrom("device-a", "device-b", "device-c"),
});

const register: fc.Arbitrary<Register<boolean>> = fc.record({ value: fc.boolean(), at: timestamp });
const lessonId = fc.constantFrom("fault-tolerance", "messaging", "security");
const itemId = fc.constantFrom("item-a", "item-b", "item-c");

const attempt: fc.Arbitrary<QuizAttempt> = fc
  .record({
    id: fc.constantFrom("attempt-0001", "attempt-0002", "attempt-0003", "attempt-0004"),
    lessonId,
    at: timestamp,
    correct: fc.integer({ min: 0, max: 8 }),
  })
  .map((a) => ({ ...a, responses: { q1: "a" }, total: 8 }));

export const facts: fc.Arbitrary<ProgressFacts> = fc.record({
  checklist: fc.dictionary(lessonId, fc.dictionary(itemId, register)),
  skipped: fc.dictionary(lessonId, register),
  attempts: fc.array(attempt, { maxLength: 4 }).map((list) => Object.fromEntries(list.map((a) => [a.id, a]))),
  resetAt: fc.option(timestamp, { nil: null }),
});
