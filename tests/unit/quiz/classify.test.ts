import fc from "fast-check";
import { changeBetween, classifyAnswer, classifyAnswers, type PracticeClass } from "@/lib/quiz/classify";
import { wantsAnother } from "@/lib/quiz/diagnostic";
import { CONFIDENCES, type Confidence } from "@/lib/progress/types";

/** Shorthand for one answer: K right+sure, S right+unsure, G wrong+unsure, M wrong+sure. */
const answer = { K: { correct: true, confidence: "sure" }, S: { correct: true, confidence: "think" }, G: { correct: false, confidence: "guess" }, M: { correct: false, confidence: "sure" } } as const;
const seq = (s: string) => [...s].map((c) => answer[c as keyof typeof answer]);

describe("classifying one answer", () => {
  it.each([
    [true, "sure", "known"],
    [true, "think", "shaky"],
    [true, "guess", "shaky"],
    [false, "guess", "gap"],
    [false, "think", "gap"],
    [false, "sure", "misconception"],
  ] as const)("right=%s, %s → %s", (correct, confidence, expected) => {
    expect(classifyAnswer({ correct, confidence })).toBe(expected);
  });
});

/**
 * Every combination of answers the diagnostic can collect for one practice, written in any
 * order (the rules count; they do not look at position), with its class. It asks again after
 * an answer that is wrong or unsure, and after a right-and-sure answer that only evens the
 * score; never more than three. docs/architecture.md shows the same table.
 */
const TABLE: Record<string, PracticeClass> = {
  K: "known",
  SK: "shaky",
  SSK: "shaky",
  SSS: "shaky",
  GKK: "shaky",
  GSK: "shaky",
  GSS: "shaky",
  GGK: "gap",
  GGS: "gap",
  GGG: "gap",
  MKK: "misconception",
  MSK: "misconception",
  MSS: "misconception",
  MGK: "misconception",
  MGS: "misconception",
  MGG: "misconception",
  MMK: "misconception",
  MMS: "misconception",
  MMG: "misconception",
  MMM: "misconception",
};

/** Every sequence the diagnostic can ask for one practice. */
function reachable(prefix = ""): string[] {
  if (prefix.length > 0 && !wantsAnother(seq(prefix))) return [prefix];
  return [..."KSGM"].flatMap((c) => reachable(prefix + c));
}
const multiset = (s: string) => [...s].sort((a, b) => "MGSK".indexOf(a) - "MGSK".indexOf(b)).join("");

describe("classifying a practice", () => {
  it.each(Object.entries(TABLE))("%s → %s", (answers, expected) => {
    expect(classifyAnswers(seq(answers))).toBe(expected);
  });

  it("covers every combination the diagnostic can produce, in every order it can produce them", () => {
    const sequences = reachable();
    expect(new Set(sequences.map(multiset))).toEqual(new Set(Object.keys(TABLE)));
    for (const s of sequences) expect(classifyAnswers(seq(s)), s).toBe(TABLE[multiset(s)]);
  });

  it("is null with no answers, misconception with any confident mistake, known only when all are right and sure", () => {
    expect(classifyAnswers([])).toBeNull();
    const graded = fc.record({ correct: fc.boolean(), confidence: fc.constantFrom<Confidence>(...CONFIDENCES) });
    fc.assert(
      fc.property(fc.array(graded, { minLength: 1, maxLength: 3 }), (answers) => {
        const result = classifyAnswers(answers);
        expect(result === "misconception").toBe(answers.some((a) => !a.correct && a.confidence === "sure"));
        expect(result === "known").toBe(answers.every((a) => a.correct && a.confidence === "sure"));
        // Order does not matter: the rules count, they do not look at position.
        expect(classifyAnswers([...answers].reverse())).toBe(result);
      }),
    );
  });
});

describe("comparing sittings", () => {
  it("says whether a practice got better, worse, stayed, is new or was not assessed", () => {
    expect(changeBetween("gap", "known")).toBe("better");
    expect(changeBetween("known", "shaky")).toBe("worse");
    expect(changeBetween("misconception", "gap")).toBe("better");
    expect(changeBetween("shaky", "shaky")).toBe("same");
    expect(changeBetween(null, "gap")).toBe("new");
    expect(changeBetween("gap", null)).toBe("not-assessed");
  });
});
