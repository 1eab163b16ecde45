/**
 * PNG screenshots of the self-assessment and review pages in each of their states (intro, a
 * question, a result with a comparison; a card, an answered card, nothing due), in both
 * themes, at phone and desktop widths, for a person to look at. Progress is seeded in the
 * browser's storage, so no clicking through 25 questions. Prints a warning for any page that
 * scrolls sideways.
 *
 *   npx tsx scripts/screenshots-study.ts [baseUrl] [outDir]      (FULL=1 for full pages)
 */
import { mkdir } from "node:fs/promises";
import { chromium, type Page } from "@playwright/test";
import { emptyFacts, type ProgressFacts } from "../lib/progress/types";
import { launchOptions } from "../tests/e2e/browser";
import { finishedSitting } from "../tests/e2e/study";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? ".screenshots";
const DAY = 86_400_000;

// Two sittings ten days apart, so the result has a plan and a "since last time".
const earlier = finishedSitting(
  (n) => (n <= 2 ? { wrong: true, confidence: "sure" } : n === 5 ? { wrong: true, confidence: "guess" } : n === 9 ? { wrong: false, confidence: "think" } : { wrong: false, confidence: "sure" }),
  "seeded-sitting-0001",
  Date.now() - 10 * DAY,
);
const latest = finishedSitting(
  (n) => (n === 1 ? { wrong: true, confidence: "sure" } : n === 7 ? { wrong: true, confidence: "guess" } : { wrong: false, confidence: "sure" }),
  "seeded-sitting-0002",
  Date.now() - 60_000,
);
const twoSittings: ProgressFacts = {
  ...emptyFacts(),
  answers: { ...earlier.answers, ...Object.fromEntries(Object.values(latest.answers).map((a) => [`b-${a.id}`, { ...a, id: `b-${a.id}` }])) },
};

const states: { name: string; path: string; facts?: ProgressFacts; act?: (page: Page) => Promise<void> }[] = [
  { name: "assess-intro", path: "/assess" },
  {
    name: "assess-question",
    path: "/assess",
    act: async (page) => {
      await page.getByRole("button", { name: "Start the self-assessment" }).click();
      await page.keyboard.press("1");
      await page.keyboard.press("t");
    },
  },
  { name: "assess-result", path: "/assess", facts: twoSittings, act: (page) => page.locator("details").first().evaluate((d) => d.setAttribute("open", "")) },
  { name: "review-card", path: "/review", facts: twoSittings },
  {
    name: "review-answered",
    path: "/review",
    facts: twoSittings,
    act: async (page) => {
      await page.keyboard.press("1");
      await page.keyboard.press("s");
      await page.keyboard.press("Enter");
    },
  },
  { name: "review-empty", path: "/review" },
  { name: "map", path: "/", facts: twoSittings },
  { name: "progress", path: "/progress", facts: twoSittings },
];

await mkdir(out, { recursive: true });
const browser = await chromium.launch(launchOptions());
for (const theme of ["light", "dark"] as const) {
  for (const [label, width] of [["phone", 360], ["desktop", 1280]] as const) {
    for (const state of states) {
      const context = await browser.newContext({ colorScheme: theme, viewport: { width, height: 900 } });
      const page = await context.newPage();
      if (state.facts) {
        const stored = JSON.stringify({ state: { deviceId: "seeded", clock: { wall: Date.now(), counter: 0, device: "seeded" }, facts: state.facts }, version: 2 });
        await page.addInitScript((value) => localStorage.setItem("quorum-progress", value), stored);
      }
      await page.goto(base + state.path);
      await page.waitForTimeout(500);
      if (state.act) await state.act(page);
      await page.waitForTimeout(400);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const file = `${out}/${state.name}-${theme}-${label}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
      console.log(file, overflow > 0 ? `  scrolls sideways by ${overflow}px` : "");
      await context.close();
    }
  }
}
await browser.close();
