import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import type { ProgressFacts } from "@/lib/progress/types";
import { watchConsole } from "./helpers";
import { finishedSitting, seedProgress } from "./study";

/** A finished sitting with every kind of result, so the result page shows all it can. */
const finished = () =>
  finishedSitting((n) => (n <= 2 ? { wrong: true, confidence: "sure" } : n === 3 ? { wrong: true, confidence: "guess" } : n === 4 ? { wrong: false, confidence: "think" } : { wrong: false, confidence: "sure" }));

/** That sitting, with its first known practice marked tested out. */
function testedOut(): ProgressFacts {
  const facts = finished();
  const known = Object.values(facts.answers).find((a) => a.correct && a.confidence === "sure")!;
  return { ...facts, testedOut: { [known.lessonId]: { value: true, at: { wall: Date.now(), counter: 0, device: "seeded-device" } } } };
}

/** Every state of the two pages a learner can see, and what the map and /progress add. */
const states: { name: string; path: string; facts?: () => ProgressFacts; ready: (page: Page) => Promise<void> }[] = [
  { name: "/assess before starting", path: "/assess", ready: (page) => expect(page.getByRole("button", { name: "Start the self-assessment" })).toBeVisible() },
  {
    name: "/assess during a sitting",
    path: "/assess",
    ready: async (page) => {
      await page.getByRole("button", { name: "Start the self-assessment" }).click();
      await expect(page.getByTestId("sitting-progress")).toBeVisible();
    },
  },
  {
    name: "/assess result",
    path: "/assess",
    facts: finished,
    ready: async (page) => {
      await expect(page.getByTestId("assess-result")).toBeVisible();
      await page.locator("details").evaluateAll((els) => els.forEach((d) => d.setAttribute("open", "")));
    },
  },
  { name: "/review with a card", path: "/review", facts: finished, ready: (page) => expect(page.getByTestId("review-card")).toBeVisible() },
  {
    name: "/review after answering",
    path: "/review",
    facts: finished,
    ready: async (page) => {
      await expect(page.getByTestId("review-card")).toBeVisible();
      await page.keyboard.press("1");
      await page.keyboard.press("g");
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("review-outcome")).toBeVisible();
    },
  },
  { name: "/review with nothing to review", path: "/review", ready: (page) => expect(page.getByTestId("review-empty")).toBeVisible() },
  { name: "the map with a tested-out lesson and cards due", path: "/", facts: testedOut, ready: (page) => expect(page.getByTestId("study-prompt")).toContainText("review cards due") },
  { name: "/progress with a tested-out lesson and cards due", path: "/progress", facts: testedOut, ready: (page) => expect(page.getByTestId("stat-tested-out")).toHaveText("1") },
];

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const state of states) {
      test(`${state.name} has no axe violations and no console errors`, async ({ page }) => {
        const noErrors = watchConsole(page);
        if (state.facts) await seedProgress(page, state.facts());
        await page.goto(state.path);
        await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
        await state.ready(page);
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
        noErrors();
      });
    }
  });
}

test.describe("at 360 px", () => {
  test.use({ viewport: { width: 360, height: 800 } });
  for (const state of states) {
    test(`${state.name} does not scroll sideways`, async ({ page }) => {
      if (state.facts) await seedProgress(page, state.facts());
      await page.goto(state.path);
      await state.ready(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
    });
  }
});
