import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/** The header's Menu on a phone: the sections and the theme, by keyboard alone. */
for (const theme of ["light", "dark"] as const) {
  test(`on a 360 px phone the Menu opens by keyboard, lists every section, has no axe violations and takes you there (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto("/progress");
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link")).toHaveText(["Curriculum", "Tracks", "Assess", "Review", "Progress"]);
    await expect(nav.getByRole("link", { name: "Progress" })).toHaveAttribute("aria-current", "page");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Escape closes it and gives focus back; Tab into the list and Enter follows a link, which closes it.
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Tracks" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/tracks$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });
}

test("on a wide screen the sections sit in the header and the current one is marked", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/assess");
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Assess" })).toHaveAttribute("aria-current", "page");
});
