/** Helpers for the self-assessment and review journeys: answering by keyboard, and seeding stored progress. */
import { expect, type Page } from "@playwright/test";
import type { Question } from "@/lib/content/schema";
import { emptyFacts, type AssessmentAnswer, type Confidence, type ProgressFacts } from "@/lib/progress/types";
import { nextQuestion } from "@/lib/quiz/diagnostic";
import { isCorrect } from "@/lib/quiz/grade";
import { lessons } from "./content";

/**
 * The number keys that answer a question right (or, with `wrong`, wrong). Ordering questions
 * are left in the order they are shown, which is never the answer: they always come out wrong.
 */
export function keysFor(question: Question, wrong: boolean): { keys: string[]; correct: boolean } {
  if (question.type === "order") return { keys: [], correct: false };
  if (question.type === "boolean") return { keys: [question.answer !== wrong ? "1" : "2"], correct: !wrong };
  const index = (id: string) => String(question.options.findIndex((o) => o.id === id) + 1);
  const right = question.type === "single" ? [question.answer] : question.answer;
  const other = question.options.find((o) => !right.includes(o.id))!;
  return { keys: wrong ? [index(other.id)] : right.map(index), correct: !wrong };
}

export const CONFIDENCE_KEY: Record<Confidence, string> = { sure: "s", think: "t", guess: "g" };

/** The diagnostic bank as the page has it (lib/content/types.ts diagnosticBank), in curriculum order. */
export function bank() {
  return lessons().map(({ frontmatter: f, diagnostic }) => ({ id: f.id, number: f.number, title: f.title, minutes: f.minutes, questions: diagnostic.questions }));
}

/** Which practice and question the sitting shows now. */
export async function currentQuestion(page: Page): Promise<{ practiceId: string; question: Question }> {
  const label = (await page.getByTestId("sitting-practice").textContent()) ?? "";
  const number = Number(/Practice (\d+):/.exec(label)?.[1]);
  const practice = bank().find((p) => p.number === number)!;
  const testId = await page.locator('[data-testid^="question-"]').first().getAttribute("data-testid");
  const question = practice.questions.find((q) => `question-${q.id}` === testId)!;
  expect(question, `question shown for practice ${number}`).toBeDefined();
  return { practiceId: practice.id, question };
}

/** Answers the question on screen with the keyboard alone: number keys, a confidence key, Enter. */
export async function answerByKeyboard(page: Page, wrong: boolean, confidence: Confidence) {
  const { question } = await currentQuestion(page);
  const { keys, correct } = keysFor(question, wrong);
  for (const key of keys) await page.keyboard.press(key);
  await page.keyboard.press(CONFIDENCE_KEY[confidence]);
  const before = await page.getByTestId("sitting-progress").textContent();
  await page.keyboard.press("Enter");
  // The next question (or the result) replaces this one.
  await expect(page.getByTestId("sitting-progress").or(page.getByTestId("assess-result"))).not.toHaveText(before ?? "");
  return correct;
}

/**
 * Stored progress with one finished sitting, answered by `policy`, as the store persists it:
 * for pages whose result is what a test looks at, without clicking through 25 questions.
 */
export function finishedSitting(policy: (practiceNumber: number) => { wrong: boolean; confidence: Confidence }, sittingId = "seeded-sitting-0001", start = Date.now() - 60_000): ProgressFacts {
  const b = bank();
  const answers: AssessmentAnswer[] = [];
  for (let i = 0; ; i++) {
    const next = nextQuestion(b, answers, new Map(), sittingId);
    if (!next) break;
    const practice = b.find((p) => p.id === next.practiceId)!;
    const { wrong, confidence } = policy(practice.number);
    const { keys } = keysFor(next.question, wrong);
    const response = responseFromKeys(next.question, keys);
    answers.push({
      id: `seeded-answer-${String(i).padStart(4, "0")}`,
      sittingId,
      lessonId: practice.id,
      questionId: next.question.id,
      response,
      confidence,
      correct: isCorrect(next.question, response),
      at: { wall: start + i * 1000, counter: 0, device: "seeded-device" },
    });
  }
  return { ...emptyFacts(), answers: Object.fromEntries(answers.map((a) => [a.id, a])) };
}

function responseFromKeys(question: Question, keys: string[]) {
  if (question.type === "order") return question.items.map((i) => i.id);
  if (question.type === "boolean") return keys[0] === "1";
  const ids = keys.map((k) => question.options[Number(k) - 1]!.id);
  return question.type === "single" ? ids[0]! : ids;
}

/** Puts `facts` in the browser's storage before the first page loads (once per test). */
export async function seedProgress(page: Page, facts: ProgressFacts) {
  const stored = JSON.stringify({ state: { deviceId: "seeded-device", clock: { wall: Date.now(), counter: 0, device: "seeded-device" }, facts }, version: 2 });
  await page.addInitScript((value) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("quorum-progress", value);
      sessionStorage.setItem("seeded", "1");
    }
  }, stored);
}
