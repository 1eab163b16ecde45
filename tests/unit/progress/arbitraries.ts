/** fast-check generators for progress facts: small id pools so that copies collide often. */
import fc from "fast-check";
import type { Timestamp } from "@/lib/progress/clock";
import { type AssessmentAnswer, CONFIDENCES, type ProgressFacts, type QuizAttempt, type Register, type Response, type ReviewEvent } from "@/lib/progress/types";

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

const questionId = fc.constantFrom("q-one", "q-two", "q-three");
const graded = {
  lessonId,
  questionId,
  response: fc.oneof<fc.Arbitrary<Response>[]>(fc.constantFrom("a", "b"), fc.constant(["a", "c"]), fc.boolean()),
  confidence: fc.constantFrom(...CONFIDENCES),
  correct: fc.boolean(),
  at: timestamp,
};

const answer: fc.Arbitrary<AssessmentAnswer> = fc.record({
  id: fc.constantFrom("answer-0001", "answer-0002", "answer-0003", "answer-0004"),
  sittingId: fc.constantFrom("sitting-0001", "sitting-0002"),
  ...graded,
});

export const reviewEvent: fc.Arbitrary<ReviewEvent> = fc.record({
  id: fc.constantFrom("review-0001", "review-0002", "review-0003", "review-0004", "review-0005"),
  ...graded,
});

/** Append-only records keyed by their id; a small id pool makes two copies share (and disagree on) some. */
function byId<T extends { id: string }>(item: fc.Arbitrary<T>, maxLength = 4): fc.Arbitrary<Record<string, T>> {
  return fc.array(item, { maxLength }).map((list) => Object.fromEntries(list.map((x) => [x.id, x])));
}

export const facts: fc.Arbitrary<ProgressFacts> = fc.record({
  checklist: fc.dictionary(lessonId, fc.dictionary(itemId, register)),
  skipped: fc.dictionary(lessonId, register),
  attempts: byId(attempt),
  testedOut: fc.dictionary(lessonId, register),
  reviewLessons: fc.dictionary(lessonId, register),
  answers: byId(answer),
  reviews: byId(reviewEvent, 5),
  resetAt: fc.option(timestamp, { nil: null }),
});
