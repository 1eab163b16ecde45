import fc from "fast-check";
import type { Timestamp } from "@/lib/progress/clock";
import type { AssessmentAnswer, Confidence } from "@/lib/progress/types";
import { classifyAnswers } from "@/lib/quiz/classify";
import {
  type BankPractice,
  MAX_PER_PRACTICE,
  MAX_QUESTIONS,
  nextQuestion,
  sittingProgress,
  sittingResult,
  sittingsOf,
  timesAsked,
  wantsAnother,
} from "@/lib/quiz/diagnostic";

/** A bank of `practices` practices with `perPractice` questions each, like content/ (20 × 4). */
function bank(practices = 20, perPractice = 4): BankPractice[] {
  return Array.from({ length: practices }, (_, p) => ({
    id: `practice-${p + 1}`,
    questions: Array.from({ length: perPractice }, (_, q) => ({ id: `p${p + 1}-q${q + 1}` })),
  }));
}

type Answerer = (practiceId: string, questionId: string, index: number) => { correct: boolean; confidence: Confidence };

let clock = 0;
const stamp = (): Timestamp => ({ wall: ++clock, counter: 0, device: "device-a" });

/** Runs a whole sitting, answering each question with `answerer`, and returns its answers. */
function sit(b: BankPractice[], answerer: Answerer, seed = "sitting-0001", earlier: AssessmentAnswer[] = []): AssessmentAnswer[] {
  const counts = timesAsked(sittingsOf({ answers: Object.fromEntries(earlier.map((a) => [a.id, a])) }));
  const answers: AssessmentAnswer[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const next = nextQuestion(b, answers, counts, seed);
    if (!next) return answers;
    const given = answerer(next.practiceId, next.question.id, answers.length);
    answers.push({ id: `${seed}-${answers.length}`, sittingId: seed, lessonId: next.practiceId, questionId: next.question.id, response: "a", ...given, at: stamp() });
  }
  throw new Error("the sitting never ended");
}

const confidence = fc.constantFrom<Confidence>("sure", "think", "guess");
/** A learner who answers at random, but the same way each time they meet the same question in the same position. */
const randomAnswerer = fc.func(fc.record({ correct: fc.boolean(), confidence }));

describe("the diagnostic's selection", () => {
  it("asks every practice, never more than 3 of one, never more than 60, never a question twice", () => {
    fc.assert(
      fc.property(randomAnswerer, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.string(), (answerer, practices, perPractice, seed) => {
        const b = bank(practices, perPractice);
        const answers = sit(b, answerer, `seed-${seed}`);
        expect(answers.length).toBeLessThanOrEqual(MAX_QUESTIONS);
        const keys = answers.map((a) => `${a.lessonId}/${a.questionId}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const p of b) {
          const mine = answers.filter((a) => a.lessonId === p.id);
          expect(mine.length).toBeLessThanOrEqual(MAX_PER_PRACTICE);
          // Unless the 60-question cap ended the sitting, every practice was asked and is settled.
          if (answers.length < MAX_QUESTIONS) {
            expect(mine.length).toBeGreaterThanOrEqual(1);
            expect(!wantsAnother(mine) || mine.length === perPractice).toBe(true);
          }
        }
      }),
    );
  });

  it("asks again only after a wrong or unsure answer, or one that only evens the score", () => {
    fc.assert(
      fc.property(randomAnswerer, (answerer) => {
        const answers = sit(bank(), answerer);
        for (const p of bank()) {
          const mine = answers.filter((a) => a.lessonId === p.id);
          for (let i = 1; i < mine.length; i++) {
            const before = mine.slice(0, i);
            const last = before[before.length - 1]!;
            const evens = before.filter((a) => a.correct).length * 2 === before.length;
            expect(!last.correct || last.confidence !== "sure" || evens).toBe(true);
          }
        }
      }),
    );
  });

  it("takes 20 questions for someone who knows everything, 60 for someone who knows nothing, about 25 for a strong engineer", () => {
    expect(sit(bank(), () => ({ correct: true, confidence: "sure" }))).toHaveLength(20);
    expect(sit(bank(), () => ({ correct: false, confidence: "guess" }))).toHaveLength(60);
    // Right but unsure at first on one practice in four, then right and sure.
    const met = new Set<string>();
    const strong: Answerer = (practiceId) => {
      const first = !met.has(practiceId);
      met.add(practiceId);
      return { correct: true, confidence: first && Number(practiceId.split("-")[1]) % 4 === 0 ? "think" : "sure" };
    };
    expect(sit(bank(), strong)).toHaveLength(25);
  });

  it("goes through the practices in curriculum order, finishing each before the next", () => {
    const answers = sit(bank(), (_p, _q, i) => ({ correct: i % 3 === 0, confidence: "think" }));
    const order = answers.map((a) => a.lessonId).filter((id, i, all) => all.indexOf(id) === i);
    expect(order).toEqual(bank().map((p) => p.id));
    const firstSeen = answers.map((a) => order.indexOf(a.lessonId));
    expect([...firstSeen].sort((x, y) => x - y)).toEqual(firstSeen);
  });

  it("is reproducible: the same seed and answers give the same questions, another seed another order", () => {
    const answerer: Answerer = (_p, _q, i) => ({ correct: i % 2 === 0, confidence: i % 3 === 0 ? "sure" : "guess" });
    const a = sit(bank(), answerer, "seed-one").map((x) => x.questionId);
    expect(sit(bank(), answerer, "seed-one").map((x) => x.questionId)).toEqual(a);
    const firsts = new Set(["s1", "s2", "s3", "s4", "s5", "s6"].map((seed) => sit(bank(), answerer, seed)[0]!.questionId));
    expect(firsts.size).toBeGreaterThan(1);
  });

  it("prefers questions not asked in earlier sittings while the bank allows, then the least asked", () => {
    fc.assert(
      fc.property(randomAnswerer, randomAnswerer, (first, second) => {
        const b = bank(20, 4);
        const earlier = sit(b, first, "sitting-a");
        const now = sit(b, second, "sitting-b", earlier);
        for (const p of b) {
          const before = new Set(earlier.filter((a) => a.lessonId === p.id).map((a) => a.questionId));
          const mine = now.filter((a) => a.lessonId === p.id);
          const unseen = p.questions.length - before.size;
          // The first `unseen` questions asked of this practice are all new to the learner.
          mine.slice(0, unseen).forEach((a) => expect(before.has(a.questionId)).toBe(false));
          mine.slice(unseen).forEach((a) => expect(before.has(a.questionId)).toBe(true));
        }
      }),
    );
  });

  it("settles a practice when its bank runs out", () => {
    const b = bank(2, 2);
    const answers = sit(b, () => ({ correct: false, confidence: "guess" }));
    expect(answers.map((a) => a.lessonId)).toEqual(["practice-1", "practice-1", "practice-2", "practice-2"]);
  });

  it("ignores answers to questions no longer in the bank", () => {
    const b = bank(1, 3);
    const stale: AssessmentAnswer = { id: "x-1", sittingId: "s", lessonId: "practice-1", questionId: "gone", response: "a", correct: true, confidence: "sure", at: stamp() };
    expect(nextQuestion(b, [stale], new Map(), "s")?.practiceId).toBe("practice-1");
    expect(sittingResult(b, [stale])[0]).toEqual({ practiceId: "practice-1", class: null, answers: [] });
  });
});

describe("sittings and progress", () => {
  it("groups answers by sitting, oldest sitting first, first answer to a question wins", () => {
    const at = (wall: number): Timestamp => ({ wall, counter: 0, device: "d" });
    const a = (id: string, sittingId: string, questionId: string, wall: number, correct = true): AssessmentAnswer => ({
      id, sittingId, lessonId: "practice-1", questionId, response: "a", confidence: "sure", correct, at: at(wall),
    });
    const sittings = sittingsOf({
      answers: { a1: a("a1", "late", "q1", 50), a2: a("a2", "early", "q2", 20), a3: a("a3", "early", "q1", 10), a4: a("a4", "early", "q1", 30, false) },
    });
    expect(sittings.map((s) => s.id)).toEqual(["early", "late"]);
    expect(sittings[0]!.answers.map((x) => x.id)).toEqual(["a3", "a2"]);
    expect(sittings[0]!.lastAt.wall).toBe(20);
  });

  it("counts questions asked, practices settled, and estimates the total", () => {
    const b = bank();
    expect(sittingProgress(b, [], false)).toEqual({ asked: 0, settled: 0, practices: 20, estimate: 25, finished: false });
    const answers = sit(b, () => ({ correct: true, confidence: "sure" })).slice(0, 9);
    expect(sittingProgress(b, answers, false)).toMatchObject({ asked: 9, settled: 9, estimate: 23 });
    const unsure = [...answers, { ...answers[0]!, id: "u", lessonId: "practice-10", questionId: "p10-q1", confidence: "guess" as const }];
    expect(sittingProgress(b, unsure, false)).toMatchObject({ asked: 10, settled: 9, estimate: 24 });
  });

  it("reports each practice's class with the questions that showed it", () => {
    const b = bank(3, 4);
    const answers = sit(b, (p, _q, i) => (p === "practice-2" ? { correct: false, confidence: "sure" } : { correct: true, confidence: i === 0 ? "think" : "sure" }));
    const result = sittingResult(b, answers);
    expect(result.map((r) => r.class)).toEqual(["shaky", "misconception", "known"]);
    expect(result[1]!.answers.map((x) => x.question.id)).toEqual(answers.filter((a) => a.lessonId === "practice-2").map((a) => a.questionId));
    expect(result.map((r) => classifyAnswers(r.answers.map((x) => x.answer)))).toEqual(result.map((r) => r.class));
  });
});
