import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import type { Question } from "@/lib/content/schema";
import { lessons } from "./content";
import { answer, watchConsole } from "./helpers";
import { answerByKeyboard, keysFor } from "./study";

const lesson = lessons()[3]!;
const questions = lesson.quiz.questions;
/** Two single-choice questions to get wrong: they become the cards. */
const missed: Question[] = questions.filter((q) => q.type === "single").slice(0, 2);

async function missTwo(page: Page) {
  await page.goto(`/lessons/${lesson.frontmatter.id}`);
  for (const q of questions) await answer(page, q, missed.includes(q));
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-result")).toContainText(`You scored ${questions.length - 2} of ${questions.length}`);
}

function questionOnCard(text: string): Question {
  return missed.find((q) => text.includes(q.prompt.replace(/`/g, "")))!;
}

test("miss two lesson-quiz questions, find them due, review one by keyboard, reload: the schedule is kept", async ({ page }) => {
  const noErrors = watchConsole(page);
  await missTwo(page);
  // The header counts them once it has loaded its counter, after the page is up.
  await expect(page.getByTestId("bar-review")).toHaveText(/Review\s*2\s*due/);

  await page.getByTestId("bar-review").click();
  await expect(page).toHaveURL("/review");
  await expect(page.getByTestId("review-status")).toHaveText("2 cards due now · 2 cards in all.");
  const card = page.getByTestId("review-card");
  await expect(card).toContainText(`From the lesson quiz of lesson ${lesson.frontmatter.number}`);
  await expect(card).toContainText("new card");
  await expect(page.getByTestId("shortcuts")).toContainText("Enter submit");

  // Keyboard only: the number key of the right option, S for sure, Enter.
  const first = questionOnCard((await card.textContent()) ?? "");
  for (const key of keysFor(first, false).keys) await page.keyboard.press(key);
  await page.keyboard.press("s");
  await page.keyboard.press("Enter");
  const outcome = page.getByTestId("review-outcome");
  await expect(outcome).toContainText("Right, and you said sure. Next review in");
  const schedule = (await outcome.textContent())!.replace(/^.*Next review /, "");
  // Every option now says why it is right or wrong.
  await expect(card.getByText("The correct answer.").or(card.getByText("Correct: your answer."))).toHaveCount(1);
  await expect(page.getByTestId("review-status")).toHaveText("1 card due now · 2 cards in all.");
  await page.keyboard.press("Enter");
  const second = questionOnCard((await card.textContent()) ?? "");
  expect(second.id).not.toBe(first.id);

  await page.reload();
  await expect(page.getByTestId("review-status")).toHaveText("1 card due now · 2 cards in all.");
  await expect(page.getByTestId("bar-review")).toHaveText(/Review\s*1\s*due/);
  // Answer the other one wrong: nothing is due, and the page says when the next card is.
  for (const key of keysFor(second, true).keys) await page.keyboard.press(key);
  await page.keyboard.press("g");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-outcome")).toContainText("Not right, and you said guessing. Next review tomorrow");
  await page.getByRole("button", { name: "Next card" }).click();
  await expect(page.getByTestId("review-empty")).toContainText("Nothing due now");
  await expect(page.getByTestId("review-empty")).toContainText("The next card is due tomorrow");
  await expect(page.locator("#review-empty")).toBeFocused();
  await page.reload();
  await expect(page.getByTestId("review-status")).toHaveText("0 cards due now · 2 cards in all.");
  expect(schedule).toMatch(/in \d+ days \(/);
  noErrors();
});

test("a finished lesson's whole quiz can be added to review, and taken back", async ({ page }) => {
  const first = lessons()[0]!;
  await page.goto(`/lessons/${first.frontmatter.id}`);
  for (const item of first.frontmatter.checklist) await page.getByRole("checkbox", { name: item.text.replace(/`/g, "") }).check();
  for (const q of first.quiz.questions) await answer(page, q);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("lesson-status")).toContainText("Done");
  await page.goto("/review");
  await expect(page.getByTestId("review-empty")).toContainText("Nothing to review yet");
  await page.getByRole("button", { name: `Add its ${first.quiz.questions.length} questions (${first.frontmatter.title})` }).click();
  const n = first.quiz.questions.length;
  await expect(page.getByTestId("review-status")).toHaveText(`${n} cards due now · ${n} cards in all.`);
  await page.getByRole("button", { name: `Added: remove (${first.frontmatter.title})` }).click();
  await expect(page.getByTestId("review-status")).toHaveText("No cards yet.");
});

test("export and import carry the self-assessment and the review history", async ({ browser }, testInfo) => {
  const source = await browser.newContext();
  const page = await source.newPage();
  await missTwo(page);
  await page.goto("/review");
  const q = questionOnCard((await page.getByTestId("review-card").textContent()) ?? "");
  for (const key of keysFor(q, false).keys) await page.keyboard.press(key);
  await page.keyboard.press("t");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-outcome")).toBeVisible();
  await page.goto("/assess");
  await page.getByRole("button", { name: "Start the self-assessment" }).click();
  for (let i = 0; i < 3; i++) await answerByKeyboard(page, i === 0, "sure");

  await page.goto("/progress");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export progress" }).click()]);
  const file = testInfo.outputPath("with-review.json");
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, "utf8"));
  expect(exported.version).toBe(2);
  expect(Object.keys(exported.facts.answers)).toHaveLength(3);
  expect(Object.keys(exported.facts.reviews)).toHaveLength(1);
  await source.close();

  const target = await browser.newContext();
  const fresh = await target.newPage();
  await fresh.goto("/progress");
  await fresh.getByTestId("import-input").setInputFiles(file);
  await expect(fresh.getByTestId("transfer-message")).toContainText("3 self-assessment answers and 1 reviews added");
  await fresh.goto("/review");
  // The two quiz cards, plus a card for each diagnostic answer that was wrong or unsure; one quiz card was reviewed and is not due.
  const diagnosticCards = Object.values(exported.facts.answers as Record<string, { correct: boolean; confidence: string }>).filter((a) => !a.correct || a.confidence !== "sure").length;
  expect(diagnosticCards).toBeGreaterThanOrEqual(1);
  const total = 2 + diagnosticCards;
  await expect(fresh.getByTestId("review-status")).toHaveText(`${total - 1} card${total - 1 === 1 ? "" : "s"} due now · ${total} cards in all.`);
  await fresh.goto("/assess");
  await expect(fresh.getByTestId("resume-note")).toContainText("You answered 3 questions");
  await target.close();
});

test("an export from before the self-assessment (format 1) still imports", async ({ page }) => {
  await page.goto("/progress");
  await page.getByTestId("import-input").setInputFiles("tests/fixtures/progress-v1/export.json");
  await expect(page.getByTestId("transfer-message")).toHaveText(
    "Imported and merged: 2 more checklist items ticked, 1 quiz attempts added. Nothing was overwritten.",
  );
  await expect(page.getByTestId("progress-row-system-architecture")).toContainText("In progress");
  await expect(page.getByTestId("progress-row-service-discovery")).toContainText("Skipped");
});
