import { expect, type Page, test } from "@playwright/test";
import type { Confidence } from "@/lib/progress/types";
import { classifyAnswers, type PracticeClass } from "@/lib/quiz/classify";
import { sittingResult } from "@/lib/quiz/diagnostic";
import { studyPlan } from "@/lib/quiz/plan";
import { watchConsole } from "./helpers";
import { answerByKeyboard, bank, currentQuestion, finishedSitting, seedProgress } from "./study";

const LABEL: Record<PracticeClass, string> = { known: "Known", shaky: "Shaky", gap: "Gap", misconception: "Misconception" };

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, text: string, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
  }
  throw new Error(`never reached "${text}" by Tab`);
}

/** How the keyboard journey answers each practice: two misconceptions, a gap, a shaky one, the rest known. */
function policy(practiceNumber: number): { wrong: boolean; confidence: Confidence } {
  if (practiceNumber <= 2) return { wrong: true, confidence: "sure" };
  if (practiceNumber === 3) return { wrong: true, confidence: "guess" };
  if (practiceNumber === 4) return { wrong: false, confidence: "think" };
  return { wrong: false, confidence: "sure" };
}

test("the whole diagnostic with the keyboard alone, ending in a result and a study plan", async ({ page }) => {
  test.setTimeout(120_000);
  const noErrors = watchConsole(page);
  await page.goto("/assess");
  await tabTo(page, "Start the self-assessment");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("sitting-progress")).toHaveText(`Question 1 · about 25 in all · 0 of ${bank().length} practices settled`);

  const given = new Map<string, { correct: boolean; confidence: Confidence }[]>();
  for (let asked = 0; asked < 60 && (await page.getByTestId("sitting-progress").count()) > 0; asked++) {
    const { practiceId } = await currentQuestion(page);
    const number = bank().find((p) => p.id === practiceId)!.number;
    const { wrong, confidence } = policy(number);
    const correct = await answerByKeyboard(page, wrong, confidence);
    given.set(practiceId, [...(given.get(practiceId) ?? []), { correct, confidence }]);
  }

  const result = page.getByTestId("assess-result");
  await expect(result).toBeVisible();
  const total = [...given.values()].reduce((n, list) => n + list.length, 0);
  await expect(result).toContainText(`${total} questions`);
  expect(total).toBeLessThanOrEqual(60);
  for (const practice of bank()) {
    const expected = classifyAnswers(given.get(practice.id) ?? []);
    expect(expected, practice.id).not.toBeNull();
    await expect(page.getByTestId(`practice-result-${practice.id}`)).toContainText(LABEL[expected!]);
  }
  // The plan: misconceptions, then gaps, then shaky, each in curriculum order; every item links to its lesson.
  const planned = await page.getByTestId("study-plan").locator("li").allTextContents();
  const order: PracticeClass[] = ["misconception", "gap", "shaky"];
  const expectedPlan = bank()
    .map((p) => ({ p, c: classifyAnswers(given.get(p.id) ?? [])! }))
    .filter(({ c }) => c !== "known")
    .sort((a, b) => order.indexOf(a.c) - order.indexOf(b.c) || a.p.number - b.p.number);
  expect(planned.map((t) => /· lesson (\d+)/.exec(t)?.[1])).toEqual(expectedPlan.map(({ p }) => String(p.number)));
  await expect(page.getByTestId("study-plan").getByRole("link").first()).toHaveAttribute("href", `/lessons/${expectedPlan[0]!.p.id}`);
  noErrors();
});

test("stop half way, reload, and carry on from the same question with the answers kept", async ({ page }) => {
  await page.goto("/assess");
  await page.getByRole("button", { name: "Start the self-assessment" }).click();
  for (let i = 0; i < 5; i++) await answerByKeyboard(page, i % 2 === 0, "think");
  await expect(page.getByTestId("sitting-progress")).toContainText("Question 6");
  const pending = await currentQuestion(page);

  await page.reload();
  await expect(page.getByTestId("resume-note")).toContainText("You answered 5 questions");
  await page.getByRole("button", { name: "Carry on" }).click();
  await expect(page.getByTestId("sitting-progress")).toContainText("Question 6");
  expect(await currentQuestion(page)).toEqual(pending);

  // "Stop for now" leaves the answers in place too.
  await page.getByRole("button", { name: "Stop for now" }).click();
  await expect(page.getByTestId("resume-note")).toContainText("You answered 5 questions");
});

test("a result: mark a known practice tested out, then retake with new questions and see what changed", async ({ page }) => {
  test.setTimeout(120_000);
  const seeded = finishedSitting((n) => (n <= 3 ? { wrong: true, confidence: "sure" } : n === 5 ? { wrong: true, confidence: "guess" } : { wrong: false, confidence: "sure" }));
  await seedProgress(page, seeded);
  await page.goto("/assess");
  const results = sittingResult(bank(), Object.values(seeded.answers));
  const plan = studyPlan(results, bank());
  await expect(page.getByTestId("study-plan").locator("li")).toHaveCount(plan.items.length);
  await expect(page.getByTestId("study-plan").locator("li").first()).toContainText(plan.items[0]!.lesson.title);

  const known = results.find((r) => r.class === "known")!;
  const knownTitle = bank().find((p) => p.id === known.practiceId)!.title;
  await page.getByRole("button", { name: `Mark tested out (${knownTitle})` }).click();
  await expect(page.getByRole("button", { name: `Tested out: undo (${knownTitle})` })).toHaveAttribute("aria-pressed", "true");
  await page.goto("/");
  await expect(page.getByRole("link", { name: new RegExp(knownTitle.replace(/[()]/g, "\\$&")) }).first()).toContainText("Tested out");
  await page.goto("/progress");
  await expect(page.getByTestId(`progress-row-${known.practiceId}`)).toContainText("Tested out");
  await expect(page.getByTestId("stat-tested-out")).toHaveText("1");

  // Retake: every practice starts with a question the first sitting did not ask.
  await page.goto("/assess");
  await page.getByRole("button", { name: "Take it again" }).click();
  const askedBefore = new Set(Object.values(seeded.answers).map((a) => `${a.lessonId}/${a.questionId}`));
  const firstOf = new Set<string>();
  while ((await page.getByTestId("sitting-progress").count()) > 0) {
    const { practiceId, question } = await currentQuestion(page);
    if (!firstOf.has(practiceId)) {
      firstOf.add(practiceId);
      expect(askedBefore.has(`${practiceId}/${question.id}`), `${practiceId} starts with a new question`).toBe(false);
    }
    await answerByKeyboard(page, false, "sure");
  }
  await expect(page.getByTestId("change-summary")).toContainText("better");
  await expect(page.getByTestId(`practice-result-${bank()[0]!.id}`)).toContainText("was misconception");
});

test("the diagnostic questions reach /assess as data, and no lesson page", async ({ request }) => {
  const assess = await (await request.get("/assess")).text();
  for (const practice of bank()) {
    const lessonHtml = await (await request.get(`/lessons/${practice.id}`)).text();
    for (const q of practice.questions) {
      // A question travels as data with its id (question ids are unique across a lesson's quiz and diagnostic).
      expect(assess, `${q.id} on /assess`).toContain(q.id);
      expect(lessonHtml, `${q.id} on /lessons/${practice.id}`).not.toContain(q.id);
    }
  }
});
