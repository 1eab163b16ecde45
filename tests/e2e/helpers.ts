import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import type { Question } from "@/lib/content/schema";

/** Answers one question correctly (or, with `wrong`, deliberately not) through the UI, by mouse. */
export async function answer(page: Page, q: Question, wrong = false) {
  const block = page.getByTestId(`question-${q.id}`);
  if (q.type === "single") {
    const id = wrong ? q.options.find((o) => o.id !== q.answer)!.id : q.answer;
    await block.locator(`input[value="${id}"]`).check();
  } else if (q.type === "multiple") {
    for (const id of q.answer) await block.locator(`input[value="${id}"]`).check();
  } else if (q.type === "boolean") {
    await block.locator(`input[value="${String(q.answer)}"]`).check();
  } else {
    // Bring each item to its place, top to bottom, with the Move up buttons.
    for (let target = 0; target < q.answer.length; target++) {
      const id = q.answer[target]!;
      for (;;) {
        const order = await block.locator("[data-order-item]").evaluateAll((els) => els.map((e) => e.getAttribute("data-order-item")!.split(":")[1]));
        const at = order.indexOf(id);
        if (at <= target) break;
        await block.locator(`[data-order-item="${q.id}:${id}"] [data-dir="up"]`).click();
      }
    }
  }
}

/** Collects console errors and page errors; call the returned function at the end to assert none. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    // A failed resource's message does not name it; its location does.
    if (m.type() === "error") errors.push(m.location().url ? `${m.text()} (${m.location().url})` : m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return () => expect(errors, "console errors").toEqual([]);
}

/**
 * axe (WCAG 2.2 AA tags) in light and dark, then no horizontal scroll at 360 px; leaves the page
 * as it found it. With $SHOTS_DIR set, also writes full-page screenshots at 360 and 1280 px in
 * both themes (and, with `print`, the print stylesheet) for a person to look at.
 */
export async function checkPage(page: Page, label: string, { print = false }: { print?: boolean } = {}) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /dark/ : /^(?!.*dark)/);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => `${label} ${scheme}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
  }
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: 360, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
  const dir = process.env.SHOTS_DIR;
  if (dir) {
    const name = label.replace(/\W+/g, "-");
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: `${dir}/${name}-${width}-${scheme}.png`, fullPage: true });
      }
    }
    if (print) {
      await page.emulateMedia({ colorScheme: "dark", media: "print" });
      await page.screenshot({ path: `${dir}/${name}-print.png`, fullPage: true });
      await page.emulateMedia({ media: "screen" });
    }
  }
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: "light" });
}
