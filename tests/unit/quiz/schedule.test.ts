import fc from "fast-check";
import { createEmptyCard, fsrs, type Grade, Rating } from "ts-fsrs";
import { applyReview, type CardSchedule, newCardSchedule, ratingFor, SCHEDULER_PARAMETERS } from "@/lib/quiz/schedule";

const DAY = 86_400_000;

describe("ratingFor", () => {
  it("maps correctness and confidence to an FSRS rating", () => {
    expect(ratingFor(false, "sure")).toBe(Rating.Again);
    expect(ratingFor(false, "guess")).toBe(Rating.Again);
    expect(ratingFor(true, "guess")).toBe(Rating.Hard);
    expect(ratingFor(true, "think")).toBe(Rating.Good);
    expect(ratingFor(true, "sure")).toBe(Rating.Easy);
  });
});

describe("applyReview", () => {
  const review = fc.record({
    // From a few minutes to a few months after the previous review.
    gap: fc.integer({ min: 60_000, max: 120 * DAY }),
    rating: fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy),
  });

  it("schedules exactly as ts-fsrs's own scheduler does, review after review", () => {
    const reference = fsrs(SCHEDULER_PARAMETERS);
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }), fc.array(review, { minLength: 1, maxLength: 40 }), (start, reviews) => {
        let ours: CardSchedule = newCardSchedule(start);
        let theirs = createEmptyCard(new Date(start));
        let now = start;
        for (const { gap, rating } of reviews) {
          now += gap;
          ours = applyReview(ours, now, rating);
          theirs = reference.next(theirs, new Date(now), rating).card;
          expect(ours).toEqual({
            due: theirs.due.getTime(),
            stability: theirs.stability,
            difficulty: theirs.difficulty,
            reps: theirs.reps,
            lapses: theirs.lapses,
            lastReview: theirs.last_review?.getTime() ?? null,
          });
        }
      }),
      { numRuns: 200 },
    );
  });

  it("schedules a new card at least a day out, and a forgotten one sooner than a remembered one", () => {
    const start = Date.UTC(2025, 0, 1);
    for (const rating of [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const) {
      expect(applyReview(newCardSchedule(start), start, rating).due).toBeGreaterThanOrEqual(start + DAY);
    }
    const learned = applyReview(applyReview(newCardSchedule(start), start, Rating.Good), start + 3 * DAY, Rating.Good);
    const later = start + 10 * DAY;
    expect(applyReview(learned, later, Rating.Again).due).toBeLessThan(applyReview(learned, later, Rating.Good).due);
    expect(applyReview(learned, later, Rating.Again).lapses).toBe(1);
  });
});
