import fc from "fast-check";
import type { Question } from "@/lib/content/schema";
import type { Timestamp } from "@/lib/progress/clock";
import { mergeFacts } from "@/lib/progress/merge";
import { createProgressStore } from "@/lib/progress/store";
import { type AssessmentAnswer, type Confidence, emptyFacts, type ProgressFacts, type ReviewEvent } from "@/lib/progress/types";
import { type CardSource, deriveCards } from "@/lib/quiz/cards";
import { dueCount, nextDueAt, replayCard, reviewQueue, reviewState, type ScheduledCard } from "@/lib/quiz/review";
import { applyReview, newCardSchedule, ratingFor } from "@/lib/quiz/schedule";

const DAY = 86_400_000;
const opt = (id: string) => ({ id, text: id, explanation: id });
const single = (id: string, answer = "a"): Question => ({ id, type: "single", prompt: "?", options: [opt("a"), opt("b"), opt("c")], answer });
const truth = (id: string): Question => ({ id, type: "boolean", prompt: "?", answer: true, explanations: { true: "y", false: "n" } });

const sources: CardSource[] = [
  { id: "fault-tolerance", quiz: [single("q1"), single("q2"), truth("q3")], diagnostic: [single("d1"), single("d2")] },
  { id: "messaging", quiz: [single("m1"), single("m2")], diagnostic: [single("md1")] },
];
const at = (wall: number, counter = 0): Timestamp => ({ wall, counter, device: "device-a" });
const start = Date.UTC(2025, 4, 1, 9);

function withAttempt(facts: ProgressFacts, lessonId: string, responses: Record<string, string | boolean>, wall: number, id = `attempt-${wall}`): ProgressFacts {
  return { ...facts, attempts: { ...facts.attempts, [id]: { id, lessonId, responses, correct: 0, total: 3, at: at(wall) } } };
}
function withAnswer(facts: ProgressFacts, questionId: string, correct: boolean, confidence: Confidence, wall: number): ProgressFacts {
  const id = `answer-${questionId}-${wall}`;
  const answer: AssessmentAnswer = { id, sittingId: "sitting-1", lessonId: "fault-tolerance", questionId, response: "a", correct, confidence, at: at(wall) };
  return { ...facts, answers: { ...facts.answers, [id]: answer } };
}

describe("deriveCards", () => {
  it("makes a card of each lesson-quiz question answered wrong, from the first attempt that missed it", () => {
    let facts = withAttempt(emptyFacts(), "fault-tolerance", { q1: "b", q2: "a", q3: true }, start);
    facts = withAttempt(facts, "fault-tolerance", { q1: "c", q2: "b", q3: true }, start + DAY);
    const cards = deriveCards(facts, sources);
    expect(cards.map((c) => [c.key, c.origin, c.since.wall])).toEqual([
      ["fault-tolerance/q1", "quiz", start],
      ["fault-tolerance/q2", "quiz", start + DAY],
    ]);
  });

  it("makes a card of each diagnostic answer that was wrong or unsure, not of one right and sure", () => {
    let facts = withAnswer(emptyFacts(), "d1", true, "sure", start);
    facts = withAnswer(facts, "d2", true, "guess", start + 1);
    expect(deriveCards(facts, sources).map((c) => c.key)).toEqual(["fault-tolerance/d2"]);
    facts = withAnswer(facts, "d1", false, "sure", start + 2);
    expect(deriveCards(facts, sources).map((c) => [c.key, c.origin])).toEqual([
      ["fault-tolerance/d1", "diagnostic"],
      ["fault-tolerance/d2", "diagnostic"],
    ]);
  });

  it("adds every question of a lesson's quiz when the learner asks, and takes them back", () => {
    const asked: ProgressFacts = { ...emptyFacts(), reviewLessons: { messaging: { value: true, at: at(start) } } };
    expect(deriveCards(asked, sources).map((c) => c.key)).toEqual(["messaging/m1", "messaging/m2"]);
    const withdrawn: ProgressFacts = { ...asked, reviewLessons: { messaging: { value: false, at: at(start + 1) } } };
    expect(deriveCards(withdrawn, sources)).toEqual([]);
  });

  it("leaves out questions and lessons the content no longer has", () => {
    let facts = withAttempt(emptyFacts(), "fault-tolerance", { gone: "b", q1: "a" }, start);
    facts = withAttempt(facts, "no-such-lesson", { q1: "b" }, start, "attempt-other");
    facts = withAnswer(facts, "retired", false, "sure", start);
    expect(deriveCards(facts, sources)).toEqual([]);
  });
});

/** A review of `questionId` of fault-tolerance at a wall time. */
function event(id: string, questionId: string, wall: number, correct: boolean, confidence: Confidence, counter = 0): ReviewEvent {
  return { id, lessonId: "fault-tolerance", questionId, response: "a", correct, confidence, at: at(wall, counter) };
}

const reviewLog = fc
  .array(fc.record({ gapHours: fc.integer({ min: 0, max: 24 * 60 }), correct: fc.boolean(), confidence: fc.constantFrom<Confidence>("sure", "think", "guess") }), {
    minLength: 1,
    maxLength: 25,
  })
  .map((steps) => {
    let wall = start;
    return steps.map((s, i) => {
      wall += s.gapHours * 3_600_000;
      return event(`review-${String(i).padStart(4, "0")}`, "q1", wall, s.correct, s.confidence, i);
    });
  });

describe("replaying a card's review events", () => {
  it("gives the same schedule as applying the events one by one as they happened", () => {
    fc.assert(
      fc.property(reviewLog, (events) => {
        let stepwise = newCardSchedule(start);
        for (const e of events) stepwise = applyReview(stepwise, e.at.wall, ratingFor(e.correct, e.confidence));
        expect(replayCard(start, events)).toEqual(stepwise);
      }),
    );
  });

  it("gives the same schedule whatever order the events arrive in, and however merged facts are combined", () => {
    const base = withAttempt(emptyFacts(), "fault-tolerance", { q1: "b" }, start - DAY);
    fc.assert(
      fc.property(reviewLog.chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length }), fc.array(fc.boolean(), { minLength: events.length, maxLength: events.length }))), ([events, shuffled, side]) => {
        expect(replayCard(start, shuffled)).toEqual(replayCard(start, events));
        // Two devices each hold some of the events; merging either way gives one schedule.
        const a: ProgressFacts = { ...base, reviews: Object.fromEntries(events.filter((_, i) => side[i]).map((e) => [e.id, e])) };
        const b: ProgressFacts = { ...base, reviews: Object.fromEntries(events.filter((_, i) => !side[i]).map((e) => [e.id, e])) };
        const ab = reviewState(mergeFacts(a, b), sources);
        const ba = reviewState(mergeFacts(b, a), sources);
        expect(ab).toEqual(ba);
        expect(ab[0]!.schedule).toEqual(replayCard(start - DAY, events));
      }),
    );
  });
});

describe("replay against the store", () => {
  it("keeps the schedule a learner saw after each review, whether derived step by step or from the stored log", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ days: fc.integer({ min: 0, max: 40 }), correct: fc.boolean(), confidence: fc.constantFrom<Confidence>("sure", "think", "guess") }), { maxLength: 15 }),
        (steps) => {
          let now = start;
          let n = 0;
          const store = createProgressStore({ storage: () => undefined, now: () => now, newId: () => `id-${String(++n).padStart(6, "0")}` });
          store.getState().recordAttempt({ lessonId: "fault-tolerance", responses: { q1: "b", q2: "a", q3: false }, correct: 1, total: 3 });
          let seen = new Map(reviewState(store.getState().facts, sources).map((c) => [c.key, c.schedule]));
          for (const step of steps) {
            now += step.days * DAY + 1;
            const card = reviewState(store.getState().facts, sources)[0]!;
            store.getState().recordReview({ lessonId: card.lessonId, questionId: card.questionId, response: "a", correct: step.correct, confidence: step.confidence });
            // Step by step: the schedule shown before, with this one review applied.
            seen.set(card.key, applyReview(seen.get(card.key)!, now, ratingFor(step.correct, step.confidence)));
            const replayed = new Map(reviewState(store.getState().facts, sources).map((c) => [c.key, c.schedule]));
            expect(replayed).toEqual(seen);
            seen = replayed;
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("the review queue", () => {
  const cardsAt = (facts: ProgressFacts): ScheduledCard[] => reviewState(facts, sources);

  it("has every new card due at once, and a reviewed card due when FSRS says", () => {
    let facts = withAttempt(emptyFacts(), "fault-tolerance", { q1: "b", q2: "b", q3: true }, start);
    expect(dueCount(cardsAt(facts), start)).toBe(2);
    expect(dueCount(cardsAt(facts), start - 1)).toBe(0);
    facts = { ...facts, reviews: { "review-1": event("review-1", "q1", start + 1000, true, "sure") } };
    const cards = cardsAt(facts);
    const q1 = cards.find((c) => c.key === "fault-tolerance/q1")!;
    expect(q1.schedule.due).toBeGreaterThan(start + DAY);
    expect(reviewQueue(cards, start + 2000).map((c) => c.key)).toEqual(["fault-tolerance/q2"]);
    expect(nextDueAt(cards, start + 2000)).toBe(q1.schedule.due);
    expect(reviewQueue(cards, q1.schedule.due).map((c) => c.key)).toEqual(["fault-tolerance/q2", "fault-tolerance/q1"]);
    expect(nextDueAt(cards, q1.schedule.due)).toBeNull();
  });

  it("puts the most overdue first, then curriculum order", () => {
    let facts = withAttempt(emptyFacts(), "messaging", { m1: "b", m2: "b" }, start);
    facts = withAttempt(facts, "fault-tolerance", { q1: "b" }, start + 5);
    expect(reviewQueue(cardsAt(facts), start + DAY).map((c) => c.key)).toEqual(["messaging/m1", "messaging/m2", "fault-tolerance/q1"]);
    facts = withAttempt(emptyFacts(), "messaging", { m1: "b" }, start, "attempt-messaging");
    facts = withAttempt(facts, "fault-tolerance", { q1: "b" }, start, "attempt-faults");
    expect(reviewQueue(cardsAt(facts), start + DAY).map((c) => c.key)).toEqual(["fault-tolerance/q1", "messaging/m1"]);
  });
});
