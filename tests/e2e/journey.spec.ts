import { expect, test } from "@playwright/test";
import { lessons } from "./content";
import { answer, watchConsole } from "./helpers";

const [first, second] = lessons();

test("map → lesson → tick → quiz → reload: everything is still there", async ({ page }) => {
  const noErrors = watchConsole(page);
  await page.goto("/");
  await expect(page.getByTestId("overall-progress")).toHaveText(`0 of ${lessons().length} lessons done`);
  await page.getByRole("link", { name: new RegExp(first!.frontmatter.title) }).first().click();
  await expect(page).toHaveURL(`/lessons/${first!.frontmatter.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(first!.frontmatter.title);

  const items = first!.frontmatter.checklist;
  for (const item of items) await page.getByRole("checkbox", { name: item.text.replace(/`/g, "") }).check();
  await expect(page.getByTestId("checklist-count")).toHaveText(`${items.length} of ${items.length} done`);

  for (const q of first!.quiz.questions) await answer(page, q);
  await page.getByRole("button", { name: "Submit answers" }).click();
  const total = first!.quiz.questions.length;
  await expect(page.getByTestId("quiz-result")).toContainText(`You scored ${total} of ${total} (100%). Passed.`);
  await expect(page.getByTestId("lesson-status")).toContainText("Done");

  await page.reload();
  await expect(page.getByTestId("checklist-count")).toHaveText(`${items.length} of ${items.length} done`);
  await expect(page.getByTestId("quiz-history")).toHaveText("1 attempt · best 100%");
  await expect(page.getByTestId("lesson-status")).toContainText("Done");

  await page.goto("/");
  await expect(page.getByTestId("overall-progress")).toHaveText(`1 of ${lessons().length} lessons done`);
  await page.goto("/progress");
  const row = page.getByTestId(`progress-row-${first!.frontmatter.id}`);
  await expect(row).toContainText("Done");
  await expect(row).toContainText("100%");
  noErrors();
});

test("a failed quiz shows what was wrong and leaves the lesson in progress", async ({ page }) => {
  await page.goto(`/lessons/${second!.frontmatter.id}`);
  const questions = second!.quiz.questions;
  const wrongCount = Math.ceil(questions.length * 0.21) + 1;
  for (const [i, q] of questions.entries()) await answer(page, q, i < wrongCount && q.type === "single");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-result")).toContainText("Not yet passed");
  await expect(page.getByText("✗ Incorrect").first()).toBeVisible();
  await expect(page.getByTestId("lesson-status")).toContainText("In progress");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("button", { name: "Submit answers" })).toBeVisible();
});

test("skipping a lesson is saved and can be undone", async ({ page }) => {
  await page.goto(`/lessons/${second!.frontmatter.id}`);
  await page.getByRole("button", { name: "Skip this lesson" }).click();
  await expect(page.getByTestId("lesson-status")).toContainText("Skipped");
  await page.reload();
  await expect(page.getByRole("button", { name: "Skipped: undo" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Skipped: undo" }).click();
  await expect(page.getByTestId("lesson-status")).toContainText("Not started");
});

test("an unknown lesson is a real 404 with a way back", async ({ page }) => {
  const response = await page.goto("/lessons/no-such-lesson");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "There is no page here" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the curriculum" }).click();
  await expect(page).toHaveURL("/");
});

test("responses carry the security headers", async ({ request }) => {
  const response = await request.get("/");
  const csp = response.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});
