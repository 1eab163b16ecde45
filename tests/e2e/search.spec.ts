import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { lessons } from "./content";
import { watchConsole } from "./helpers";

/** Every h2 and h3 of every lesson, read from the MDX (outside code fences). */
function headings() {
  const root = path.join(process.cwd(), "content", "lessons");
  return readdirSync(root)
    .sort()
    .flatMap((folder) => {
      const id = folder.replace(/^\d+-/, "");
      let inCode = false;
      return readFileSync(path.join(root, folder, "index.mdx"), "utf8")
        .split("\n")
        .flatMap((line) => {
          if (line.startsWith("```")) inCode = !inCode;
          const m = !inCode && /^(##|###) (.+)$/.exec(line);
          return m ? [{ lessonId: id, depth: m[1]!.length, text: m[2]!.replace(/[*_`]/g, "").trim() }] : [];
        });
    });
}

/** Headings that only one lesson has, with at least two words, so a search for them has one right answer. */
function uniqueHeadings() {
  const all = headings();
  return all.filter((h) => h.text.split(" ").length >= 2 && all.filter((o) => o.text.toLowerCase() === h.text.toLowerCase()).length === 1);
}

const all = lessons();
const titleOf = (id: string) => all.find((l) => l.frontmatter.id === id)!.frontmatter.title;
const unique = uniqueHeadings();
const h2 = unique.find((h) => h.depth === 2 && h.lessonId === all[1]!.frontmatter.id)!;
const h3 = unique.find((h) => h.depth === 3 && h.lessonId === all[9]!.frontmatter.id)!;
const checklistLesson = all[4]!;

const cases = [
  { name: `a heading of ${h2.lessonId}`, query: h2.text, lessonId: h2.lessonId, heading: h2.text },
  { name: `a subheading of ${h3.lessonId}`, query: h3.text, lessonId: h3.lessonId, heading: h3.text },
  {
    name: `a checklist item of ${checklistLesson.frontmatter.id}`,
    query: checklistLesson.frontmatter.checklist[0]!.text,
    lessonId: checklistLesson.frontmatter.id,
    heading: "Checklist",
  },
];

/**
 * Presses the shortcut until the search field has focus: the shortcut works once the page's
 * scripts have run, which a test can otherwise outpace.
 */
async function openSearch(page: Page, keys = "/") {
  const input = page.getByRole("combobox", { name: "Search lessons" });
  await expect(async () => {
    if (!(await input.isVisible())) await page.keyboard.press(keys);
    await expect(input).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Moves through the results with the arrow keys to the one for this lesson and section, then opens it with Enter. */
async function openResult(page: Page, lessonId: string, heading: string) {
  const options = page.getByRole("option");
  await expect(options.first()).toBeVisible();
  const texts = await options.allTextContents();
  const at = texts.findIndex((t) => t.includes(titleOf(lessonId)) && t.includes(heading));
  expect(at, `a result for ${lessonId} › ${heading} among: ${texts.map((t) => t.slice(0, 80)).join(" | ")}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < at; i++) await page.keyboard.press("ArrowDown");
  await expect(options.nth(at)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
}

/** The heading the URL's anchor points at: it must be the one searched for, focused and in view below the header. */
async function expectLandedOn(page: Page, lessonId: string, heading: string) {
  await expect(page).toHaveURL(new RegExp(`/lessons/${lessonId}#[a-z0-9-]+$`));
  const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
  const target = page.locator(`[id="${anchor}"]`);
  await expect(target).toHaveText(heading);
  await expect(target).toBeFocused();
  const top = await target.evaluate((el) => el.getBoundingClientRect().top);
  const headerBottom = await page.locator("body > header").evaluate((el) => el.getBoundingClientRect().bottom);
  expect(top).toBeGreaterThanOrEqual(headerBottom - 1);
  expect(top).toBeLessThan(page.viewportSize()!.height / 2);
}

test.describe("search", () => {
  for (const c of cases) {
    test(`finds ${c.name} and opens its section, by keyboard`, async ({ page }) => {
      const noErrors = watchConsole(page);
      await page.goto("/");
      await openSearch(page);
      await page.keyboard.type(c.query);
      await openResult(page, c.lessonId, c.heading);
      await expectLandedOn(page, c.lessonId, c.heading);
      await expect(page.getByRole("dialog")).toHaveCount(0);
      noErrors();
    });
  }

  test("is reached with Tab, keeps focus inside while open, and gives it back on Escape", async ({ page }) => {
    await page.goto(`/lessons/${all[0]!.frontmatter.id}`);
    const button = page.getByRole("button", { name: "Search" });
    for (let i = 0; i < 20 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(button).toBeFocused();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Search lessons" });
    await expect(dialog).toBeVisible();
    await expect(page.getByRole("combobox")).toBeFocused();
    // The page behind is inert: Tab moves through the dialog and the browser's own controls
    // (where the document's active element is the body), never to the page behind.
    const reached = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      const where = await dialog.evaluate((el) =>
        el.contains(document.activeElement) ? `dialog:${document.activeElement?.tagName}` : document.activeElement === document.body ? "browser" : `page:${document.activeElement?.outerHTML.slice(0, 60)}`,
      );
      expect(where).not.toMatch(/^page:/);
      reached.add(where);
    }
    expect(reached).toContain("dialog:INPUT");
    expect(reached).toContain("dialog:BUTTON");
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(button).toBeFocused();
  });

  test("opens with Ctrl+K, finds words by their beginning and despite a typo", async ({ page }) => {
    await page.goto("/progress");
    await openSearch(page, "Control+k");
    await page.keyboard.type("idempot");
    await expect(page.getByRole("option").first().locator("mark").first()).toHaveText(/^idempot/i);
    await page.getByRole("combobox").fill("idempotnecy");
    await expect(page.getByRole("option").first()).toBeVisible();
    await expect(page.getByRole("dialog").getByRole("status")).toHaveText(/\d+ results?\./);
  });

  test("works offline once the index has loaded", async ({ page, context }) => {
    await page.goto("/");
    await openSearch(page);
    await page.keyboard.type("jitter");
    await expect(page.getByRole("option").first()).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await context.setOffline(true);
    await openSearch(page);
    await page.keyboard.type("circuit breaker");
    await expect(page.getByRole("option").first()).toContainText(/breaker/i);
    await context.setOffline(false);
  });

  test("fits a 360 px screen without horizontal scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/lessons/${all[3]!.frontmatter.id}`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("combobox")).toBeFocused();
    await page.keyboard.type("retry budget");
    await expect(page.getByRole("option").first()).toBeVisible();
    const box = (await page.getByRole("dialog").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const scrolls = await page.getByRole("listbox").evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrolls).toBe(false);
  });

  for (const theme of ["light", "dark"] as const) {
    test(`the open dialog, with results, has no axe violations in the ${theme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(`/lessons/${all[2]!.frontmatter.id}`);
      await openSearch(page);
      await page.keyboard.type("timeout");
      await expect(page.getByRole("option").first()).toBeVisible();
      await page.keyboard.press("ArrowDown");
      const results = await new AxeBuilder({ page })
        .include("dialog")
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    });
  }
});
