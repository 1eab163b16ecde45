import { expect, test } from "@playwright/test";
import { lessons } from "./content";

const lesson = lessons()[2]!;

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(page: import("@playwright/test").Page, matches: (el: Element) => boolean, limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error("never reached the element by Tab");
}

test("a quiz can be answered and submitted with the keyboard alone", async ({ page }) => {
  await page.goto(`/lessons/${lesson.frontmatter.id}`);
  const questions = lesson.quiz.questions;
  for (const q of questions) {
    if (q.type === "single" || q.type === "boolean") {
      const value = q.type === "single" ? q.answer : String(q.answer);
      // Tab into the radio group, then arrow keys until the right option is selected.
      await tabTo(page, new Function(`return (el) => el && el.name === ${JSON.stringify(q.id)}`)() as (el: Element) => boolean);
      for (let i = 0; i < 8; i++) {
        const current = await page.evaluate(() => (document.activeElement as HTMLInputElement).value);
        if (current === value) break;
        await page.keyboard.press("ArrowDown");
      }
      await page.keyboard.press("Space");
    } else if (q.type === "multiple") {
      for (const id of q.answer) {
        await tabTo(page, new Function(`return (el) => el && el.name === ${JSON.stringify(q.id)} && el.value === ${JSON.stringify(id)}`)() as (el: Element) => boolean);
        await page.keyboard.press("Space");
      }
    } else {
      for (let target = 0; target < q.answer.length; target++) {
        const id = q.answer[target]!;
        const order = await page
          .getByTestId(`question-${q.id}`)
          .locator("[data-order-item]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-order-item")!.split(":")[1]));
        let at = order.indexOf(id);
        if (at <= target) continue;
        await tabTo(page, new Function(`return (el) => el && el.closest('[data-order-item="${q.id}:${id}"]') && el.dataset.dir === "up"`)() as (el: Element) => boolean);
        // Focus stays on the moved item's button, so repeated presses keep moving it up.
        while (at > target) {
          await page.keyboard.press("Enter");
          at--;
        }
      }
    }
  }
  await tabTo(page, (el) => el?.textContent === "Submit answers");
  await page.keyboard.press("Enter");
  const total = questions.length;
  await expect(page.getByTestId("quiz-result")).toContainText(`You scored ${total} of ${total}`);
  await expect(page.getByTestId("quiz-result")).toBeFocused();
});

test("focus is always visible, and the skip link jumps to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe("none");
});
