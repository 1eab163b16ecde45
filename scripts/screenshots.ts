/**
 * Writes PNG screenshots of the main pages in both themes, at phone and desktop widths, for
 * a person to look at: `npx tsx scripts/screenshots.ts [baseUrl] [outDir]` against a running app.
 */
import { mkdir } from "node:fs/promises";
import { chromium } from "@playwright/test";
import { launchOptions } from "../tests/e2e/browser";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? ".screenshots";
const pages = (process.env.PAGES ?? "/,/progress,/lessons/fault-tolerance,/no-such-page").split(",");

await mkdir(out, { recursive: true });
const browser = await chromium.launch(launchOptions());
for (const theme of ["light", "dark"] as const) {
  for (const [label, width] of [["phone", 360], ["desktop", 1280]] as const) {
    const context = await browser.newContext({ colorScheme: theme, viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(base + path);
      await page.waitForTimeout(300);
      const name = `${path.replace(/\W+/g, "_") || "home"}-${theme}-${label}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL === "1" });
      console.log(`${out}/${name}`);
    }
    await context.close();
  }
}
await browser.close();
