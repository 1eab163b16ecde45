import type { Question } from "@/lib/content/schema";
import { answerKeysFile, parseAnswerKeys } from "@/lib/quiz/answer-keys";

const opt = (id: string) => ({ id, text: `Text of ${id}`, explanation: `Why ${id}` });
const questions: Question[] = [
  { id: "one", type: "single", prompt: "Secret prompt?", options: [opt("a"), opt("b"), opt("c")], answer: "b" },
  { id: "many", type: "multiple", prompt: "Which?", options: [opt("a"), opt("b"), opt("c")], answer: ["a", "c"] },
  { id: "truth", type: "boolean", prompt: "True?", answer: false, explanations: { true: "no", false: "yes" } },
  { id: "steps", type: "order", prompt: "Order", items: [opt("c"), opt("a"), opt("b")], answer: ["a", "b", "c"] },
];

describe("the answer keys file", () => {
  const file = answerKeysFile([{ id: "fault-tolerance", number: 4, title: "Faults", quiz: questions, diagnostic: [questions[0]!] }]);

  it("carries each question's id, type and answer key, and no text", () => {
    expect(file.lessons[0]!.quiz).toEqual([
      { id: "one", type: "single", answer: "b" },
      { id: "many", type: "multiple", answer: ["a", "c"] },
      { id: "truth", type: "boolean", answer: false },
      { id: "steps", type: "order", answer: ["a", "b", "c"] },
    ]);
    expect(file.lessons[0]!.diagnostic).toEqual([{ id: "one" }]);
    expect(JSON.stringify(file)).not.toMatch(/Secret|Text of|Why/);
  });

  it("is read back only when valid", () => {
    expect(parseAnswerKeys(JSON.parse(JSON.stringify(file)))).toEqual(file.lessons);
    expect(parseAnswerKeys(undefined)).toBeUndefined();
    expect(parseAnswerKeys({ lessons: [{ id: "x", quiz: [{ id: "q", type: "single", answer: 3 }], diagnostic: [] }] })).toBeUndefined();
    expect(parseAnswerKeys({ lessons: [{ id: "__proto__", quiz: [], diagnostic: [] }] })).toBeUndefined();
  });
});
