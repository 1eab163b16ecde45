import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { lessons } from "./content";
import { watchConsole } from "./helpers";

const pages = ["/", "/progress", "/lessons/no-such-lesson", ...lessons().map((l) => `/lessons/${l.frontmatter.id}`)];

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const path of pages) {
      test(`${path} has no axe violations and no console errors`, async ({ page }) => {
        const noErrors = path.includes("no-such") ? () => {} : watchConsole(page);
        await page.goto(path);
        await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
        // Open every deep dive so its contents are checked too.
        await page.locator("details").evaluateAll((els) => els.forEach((d) => d.setAttribute("open", "")));
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
        noErrors();
      });
    }

    test("code takes this theme's colours from its tokens' classes, with no inline styles", async ({ page }) => {
      await page.goto("/lessons/testing");
      const variable = theme === "dark" ? "--shiki-dark" : "--shiki-light";
      const code = await page.evaluate((variable) => {
        const probe = document.body.appendChild(document.createElement("span"));
        const rgb = (colour: string) => ((probe.style.color = colour), getComputedStyle(probe).color);
        const blockColour = getComputedStyle(document.querySelector("pre.shiki")!).color;
        const tokens = [...document.querySelectorAll("pre.shiki code span:not(.line)")];
        return {
          tokens: tokens.length,
          inlineStyles: document.querySelectorAll("pre.shiki [style]").length,
          blockColourIsTheTheme: blockColour === rgb(getComputedStyle(document.querySelector("pre.shiki")!).getPropertyValue(variable)),
          coloured: tokens.filter((t) => getComputedStyle(t).color !== blockColour).length,
          // A token's colour is its class's variable for this theme, or the block's when it has none.
          wrong: tokens
            .filter((t) => getComputedStyle(t).color !== rgb(getComputedStyle(t).getPropertyValue(variable).trim() || blockColour))
            .map((t) => t.textContent),
        };
      }, variable);
      expect(code).toMatchObject({ inlineStyles: 0, blockColourIsTheTheme: true, wrong: [] });
      expect(code.tokens).toBeGreaterThan(100);
      expect(code.coloured).toBeGreaterThan(100);
    });
  });
}

test("the chosen theme applies before first paint and survives a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByText("Dark", { exact: true }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  const classAtFirstScript = await page.evaluate(() => document.documentElement.className);
  expect(classAtFirstScript).toContain("dark");
});
