import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { lessons } from "./content";
import { answer, watchConsole } from "./helpers";

const TRACK = { id: "first-two-weeks", title: "First two weeks on a backend team", first: "system-architecture", second: "communication-patterns" };
const lesson = (id: string) => lessons().find((l) => l.frontmatter.id === id)!;

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(page: Page, text: string, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
  }
  throw new Error(`never reached "${text}" by Tab`);
}

test("follow a track with the keyboard, complete its first step, see the next one on the track and on the map", async ({ page }) => {
  const noErrors = watchConsole(page);
  await page.goto("/tracks");
  await page.getByRole("link", { name: TRACK.title }).click();
  await expect(page).toHaveURL(`/tracks/${TRACK.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TRACK.title);
  await expect(page.getByTestId("track-status")).toContainText("Not following this track");
  await expect(page.getByTestId(`step-due-${TRACK.first}`)).toHaveText("Due 2 days after you start");

  await tabTo(page, "Follow this track");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("track-status")).toContainText("Following since");
  await expect(page.getByTestId("track-done")).toHaveText("0 of 8 steps done");
  await expect(page.getByTestId(`step-due-${TRACK.first}`)).toHaveText(/^Due in 2 days, \w{3} \d{1,2} \w{3}$/);
  await expect(page.getByTestId(`track-step-${TRACK.first}`)).toHaveAttribute("aria-current", "step");
  await expect(page.getByRole("button", { name: "Stop following" })).toBeFocused();

  // Do the first step: tick its checklist and pass its quiz.
  await page.getByTestId("track-next").getByRole("link").click();
  await expect(page).toHaveURL(`/lessons/${TRACK.first}`);
  const first = lesson(TRACK.first);
  for (const item of first.frontmatter.checklist) await page.getByRole("checkbox", { name: item.text.replace(/`/g, "") }).check();
  for (const q of first.quiz.questions) await answer(page, q);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByTestId("quiz-result")).toContainText("Passed");

  await page.goto(`/tracks/${TRACK.id}`);
  await expect(page.getByTestId(`step-state-${TRACK.first}`)).toContainText("Done");
  await expect(page.getByTestId(`step-due-${TRACK.first}`)).toHaveText(/^Done on /);
  await expect(page.getByTestId("track-done")).toHaveText("1 of 8 steps done");
  await expect(page.getByTestId("track-next")).toContainText(`2. ${lesson(TRACK.second).frontmatter.title}`);
  await expect(page.getByTestId(`track-step-${TRACK.second}`)).toHaveAttribute("aria-current", "step");

  await page.goto("/");
  await expect(page.getByTestId(`followed-next-${TRACK.id}`)).toContainText(lesson(TRACK.second).frontmatter.title);
  await expect(page.getByTestId(`followed-${TRACK.id}`)).toContainText("1 of 8 steps done");
  await expect(page.getByTestId(`track-marks-${TRACK.second}`)).toContainText(`Step 2 of ${TRACK.title}`);
  await expect(page.getByTestId(`track-marks-${TRACK.second}`)).toContainText("Next");

  await page.reload();
  await expect(page.getByTestId(`followed-next-${TRACK.id}`)).toContainText(lesson(TRACK.second).frontmatter.title);
  await page.goto(`/tracks/${TRACK.id}`);
  await expect(page.getByTestId("track-done")).toHaveText("1 of 8 steps done");

  await page.getByRole("button", { name: "Stop following" }).click();
  await expect(page.getByTestId("track-status")).toContainText("1 of 8 steps already done");
  await page.goto("/tracks");
  await expect(page.getByTestId(`track-card-status-${TRACK.id}`)).toHaveCount(0);
  noErrors();
});

test("a step not done by its due day is overdue, in words and colour", async ({ page }) => {
  const DAY = 86_400_000;
  await page.addInitScript((startedAt) => {
    localStorage.setItem("quorum-tracks", JSON.stringify({ version: 1, state: { following: { "on-call-ready": { startedAt } } } }));
  }, Date.now() - 4 * DAY);
  await page.goto("/tracks/on-call-ready");
  const due = page.getByTestId("step-due-system-architecture");
  await expect(due).toHaveText(/^Overdue by 2 days \(due \w{3} \d{1,2} \w{3}\)$/);
  await expect(due).toHaveClass(/text-bad/);
  await expect(page.getByTestId("track-overdue")).toHaveText("1 step is overdue");
  await page.goto("/tracks");
  await expect(page.getByTestId("track-card-status-on-call-ready")).toContainText("1 overdue");
});

test("unreadable followed tracks are set aside with a notice; the page still works", async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("quorum-tracks", "{broken");
      sessionStorage.setItem("seeded", "1");
    }
  });
  await page.goto(`/tracks/${TRACK.id}`);
  await expect(page.getByRole("alert").filter({ hasText: "The tracks you follow could not be read" })).toContainText("because it is not valid JSON");
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("quorum-tracks.backup.")));
  expect(backups).toHaveLength(1);
  await page.getByRole("button", { name: "Follow this track" }).click();
  await expect(page.getByTestId("track-done")).toHaveText("0 of 8 steps done");
});

const following = (startedAt: number) => JSON.stringify({ version: 1, state: { following: { [TRACK.id]: { startedAt } } } });

for (const theme of ["light", "dark"] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });
    for (const path of ["/tracks", `/tracks/${TRACK.id}`, "/tracks/on-call-ready", "/"]) {
      test(`${path}, following a track with an overdue step, has no axe violations`, async ({ page }) => {
        const noErrors = watchConsole(page);
        await page.addInitScript((value) => localStorage.setItem("quorum-tracks", value), following(Date.now() - 5 * 86_400_000));
        await page.goto(path);
        await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /^(?!.*dark)/);
        if (path !== "/tracks/on-call-ready") await expect(page.getByText(/overdue/i).first()).toBeVisible();
        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
        noErrors();
      });
    }
  });
}

test("no horizontal scroll at 360 px on the track pages and the map with a followed track", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.addInitScript((value) => localStorage.setItem("quorum-tracks", value), following(Date.now() - 5 * 86_400_000));
  for (const path of ["/tracks", `/tracks/${TRACK.id}`, "/tracks/designing-shared-apis", "/"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBe(0);
  }
  await context.close();
});
