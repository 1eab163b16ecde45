import fc from "fast-check";
import type { Question, Quiz } from "@/lib/content/schema";
import { gradeQuiz, isAnswered, isCorrect, moveItem } from "@/lib/quiz/grade";

const opt = (id: string) => ({ id, text: id, explanation: id });
const single: Question = { id: "s", type: "single", prompt: "?", options: [opt("a"), opt("b"), opt("c")], answer: "b" };
const multiple: Question = { id: "m", type: "multiple", prompt: "?", options: [opt("a"), opt("b"), opt("c")], answer: ["a", "c"] };
const truth: Question = { id: "t", type: "boolean", prompt: "?", answer: false, explanations: { true: "x", false: "y" } };
const order: Question = { id: "o", type: "order", prompt: "?", items: [opt("c"), opt("a"), opt("b")], answer: ["a", "b", "c"] };

describe("isCorrect", () => {
  it("grades single choice", () => {
    expect(isCorrect(single, "b")).toBe(true);
    expect(isCorrect(single, "a")).toBe(false);
    expect(isCorrect(single, undefined)).toBe(false);
    expect(isCorrect(single, ["b"])).toBe(false);
  });

  it("grades select-all-that-apply as the exact set, in any order", () => {
    expect(isCorrect(multiple, ["c", "a"])).toBe(true);
    expect(isCorrect(multiple, ["a"])).toBe(false);
    expect(isCorrect(multiple, ["a", "b", "c"])).toBe(false);
    expect(isCorrect(multiple, ["a", "a", "c"])).toBe(false);
    expect(isCorrect(multiple, "a")).toBe(false);
  });

  it("grades true/false without confusing false with a missing answer", () => {
    expect(isCorrect(truth, false)).toBe(true);
    expect(isCorrect(truth, true)).toBe(false);
    expect(isCorrect(truth, undefined)).toBe(false);
    expect(isCorrect(truth, "false")).toBe(false);
  });

  it("grades ordering as the exact sequence", () => {
    expect(isCorrect(order, ["a", "b", "c"])).toBe(true);
    expect(isCorrect(order, ["c", "a", "b"])).toBe(false);
    expect(isCorrect(order, ["a", "b"])).toBe(false);
  });

  it("knows when a question is answered", () => {
    expect([isAnswered(single, undefined), isAnswered(single, "a")]).toEqual([false, true]);
    expect([isAnswered(multiple, []), isAnswered(multiple, ["a"])]).toEqual([false, true]);
    expect([isAnswered(truth, undefined), isAnswered(truth, false)]).toEqual([false, true]);
    expect([isAnswered(order, ["a"]), isAnswered(order, ["c", "a", "b"])]).toEqual([false, true]);
  });
});

describe("gradeQuiz", () => {
  const quiz: Quiz = { questions: [single, multiple, truth, order, { ...single, id: "s2" }] };

  it("scores all or nothing per question and passes at 80%", () => {
    const four = gradeQuiz(quiz, { s: "b", m: ["a", "c"], t: false, o: ["a", "b", "c"], s2: "a" });
    expect(four).toEqual({ results: { s: true, m: true, t: true, o: true, s2: false }, correct: 4, total: 5, score: 0.8, passed: true });
    const three = gradeQuiz(quiz, { s: "b", m: ["a"], t: false, o: ["a", "b", "c"], s2: "a" });
    expect(three.passed).toBe(false);
    expect(gradeQuiz(quiz, {}).correct).toBe(0);
  });
});

describe("moveItem", () => {
  it("keeps every item exactly once, whatever the moves", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 5 }), fc.integer({ min: -1, max: 5 }))), (moves) => {
        let state = ["a", "b", "c", "d", "e"];
        for (const [from, to] of moves) state = moveItem(state, from, to);
        expect([...state].sort()).toEqual(["a", "b", "c", "d", "e"]);
      }),
    );
  });

  it("moves an item up and down", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 0, 3)).toEqual(["a", "b", "c"]);
  });
});
