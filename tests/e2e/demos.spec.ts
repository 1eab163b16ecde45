import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { lessons } from "./content";
import { watchConsole } from "./helpers";

/** Opens a lesson with reduced motion (a run is computed at once) and scrolls to its demo until it has loaded. */
async function showDemo(page: Page, id: string, demo: string) {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`/lessons/${id}`);
  const slot = page.locator(`[data-demo="${demo}"]`);
  await slot.scrollIntoViewIfNeeded();
  const frame = slot.getByTestId("demo");
  await expect(frame).toBeVisible();
  return frame;
}

const withDemos = lessons().flatMap(({ frontmatter: { id, demo } }) => (demo ? [{ id, demo }] : []));

test("at least the first five lessons have demos", () => {
  expect(withDemos.length).toBeGreaterThanOrEqual(5);
});

for (const { id, demo } of withDemos) {
  test(`${id}: the ${demo} demo loads when scrolled to, runs, and answers its controls`, async ({ page }) => {
    const noErrors = watchConsole(page);
    await page.goto(`/lessons/${id}`);
    const slot = page.locator(`[data-demo="${demo}"]`);
    const frame = slot.getByTestId("demo");
    await expect(frame).toHaveCount(0);
    const reserved = (await slot.boundingBox())!.height;

    await slot.scrollIntoViewIfNeeded();
    await expect(frame).toBeVisible();
    // The slot reserved (nearly) the space the demo takes, so the page does not jump.
    const loaded = (await slot.boundingBox())!.height;
    expect(Math.abs(loaded - reserved) / loaded).toBeLessThan(0.06);
    await expect(frame.getByTestId("demo-time")).toContainText("t = 0.0 s");

    // Run it for real, then let it finish.
    await frame.getByRole("button", { name: "Run", exact: true }).click();
    await expect(frame.getByRole("button", { name: "Pause" })).toBeVisible();
    await frame.getByRole("button", { name: "Run to end" }).click();
    await expect(frame.getByRole("button", { name: "Replay" })).toBeVisible();
    const naive = await frame.getByTestId("demo-summary").textContent();
    const naiveNumbers = await frame.getByTestId("demo-headline").textContent();

    // The last preset is the fix: the outcome must change without running again by hand.
    const presets = frame.getByRole("group", { name: "Presets" }).getByRole("button");
    await presets.last().click();
    await expect(presets.last()).toHaveAttribute("aria-pressed", "true");
    await expect(frame.getByTestId("demo-summary")).not.toHaveText(naive ?? "");
    expect(await frame.getByTestId("demo-headline").textContent()).not.toBe(naiveNumbers);

    // Same seed and parameters, same result.
    const fixed = await frame.getByTestId("demo-summary").textContent();
    await frame.getByRole("button", { name: "Reset" }).click();
    await frame.getByRole("button", { name: "Run to end" }).click();
    await expect(frame.getByTestId("demo-summary")).toHaveText(fixed ?? "");
    // On a desktop every table is a plain table: stacking is for phones.
    for (const region of await frame.locator("[data-layout]").all()) await expect(region).toHaveAttribute("data-layout", "table");
    noErrors();
  });

  test(`${id}: on a 360 px phone the demo fits: nothing in it or in the page scrolls sideways, no header breaks inside a word`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    const frame = await showDemo(page, id, demo);
    // Checked at the start and at the end of a run: tables' cells change as it goes.
    for (const moment of ["before the run", "after the run"]) {
      if (moment === "after the run") {
        await frame.getByRole("button", { name: "Run to end" }).click();
        await expect(frame.getByRole("button", { name: "Replay" })).toBeVisible();
      }
      const wide = await page.evaluate((selector) => {
        const root = document.documentElement;
        const scrolling = [...document.querySelectorAll(`${selector} *`)].filter((el) => {
          const overflow = getComputedStyle(el).overflowX;
          return (overflow === "auto" || overflow === "scroll") && el.scrollWidth > el.clientWidth + 1;
        });
        // A column header may wrap between its words or after a hyphen, never inside a word ("succeed" / "ed").
        const brokenWords = [...document.querySelectorAll(`${selector} th`)].flatMap((th) => {
          const text = th.firstChild;
          // Skipped: a header only screen readers get (sr-only, 1 px wide), which no one sees break.
          if (!(text instanceof Text) || th.getBoundingClientRect().width <= 1) return [];
          return [...text.data.matchAll(/[^\s-]+/g)].flatMap((word) => {
            const range = document.createRange();
            range.setStart(text, word.index);
            range.setEnd(text, word.index + word[0].length);
            return range.getClientRects().length > 1 ? [word[0]] : [];
          });
        });
        return {
          page: root.scrollWidth > root.clientWidth ? `${root.scrollWidth} px wide` : null,
          inside: scrolling.map((el) => `${el.getAttribute("aria-label") ?? el.tagName}: ${el.scrollWidth} px in ${el.clientWidth}`),
          brokenWords,
        };
      }, `[data-demo="${demo}"]`);
      expect(wide, moment).toEqual({ page: null, inside: [], brokenWords: [] });
    }
  });

  test(`${id}: the demo works from the keyboard and has no axe violations`, async ({ page }) => {
    const frame = await showDemo(page, id, demo);
    // With reduced motion, Run computes the whole run at once: no animation, same result.
    await frame.getByRole("button", { name: "Run", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(frame.getByRole("button", { name: "Replay" })).toBeVisible();
    await expect(frame.getByTestId("demo-time")).toContainText(/t = (\S+) s of \1 s/);
    const results = await new AxeBuilder({ page }).include(`[data-demo="${demo}"]`).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    // A demo with a seed sweep: run it from the keyboard, load the last seed it checked, look again.
    const sweep = frame.getByTestId("demo-sweep");
    if ((await sweep.count()) === 0) return;
    await sweep.getByRole("button", { name: /^Check seeds/ }).focus();
    await page.keyboard.press("Enter");
    await expect(sweep.getByText(/seeds? pass/)).toBeVisible({ timeout: 20_000 });
    const last = sweep.getByRole("button", { name: /^Seed \d+: (passes|fails)\. Load it\.$/ }).last();
    const seed = /Seed (\d+)/.exec((await last.getAttribute("aria-label")) ?? "")?.[1];
    await last.focus();
    await page.keyboard.press("Enter");
    await expect(frame.getByRole("spinbutton", { name: "Seed" })).toHaveValue(seed ?? "");
    await expect(frame.getByTestId("demo-time")).toContainText("t = 0.0 s");
    const afterSweep = await new AxeBuilder({ page }).include(`[data-demo="${demo}"]`).analyze();
    expect(afterSweep.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}
