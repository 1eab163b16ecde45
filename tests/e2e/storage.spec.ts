import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { lessons } from "./content";

const [first, second] = lessons();

test("two tabs stay in sync", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto(`/lessons/${first!.frontmatter.id}`);
  await b.goto(`/lessons/${first!.frontmatter.id}`);
  const item = first!.frontmatter.checklist[0]!;
  await a.getByRole("checkbox", { name: item.text.replace(/`/g, "") }).check();
  await expect(b.getByRole("checkbox", { name: item.text.replace(/`/g, "") })).toBeChecked();
  await expect(b.getByTestId("checklist-count")).toHaveText(`1 of ${first!.frontmatter.checklist.length} done`);
  // And back the other way, without undoing the first tab's tick.
  const other = first!.frontmatter.checklist[1]!;
  await b.getByRole("checkbox", { name: other.text.replace(/`/g, "") }).check();
  await expect(a.getByTestId("checklist-count")).toHaveText(`2 of ${first!.frontmatter.checklist.length} done`);
});

test("corrupted stored progress: the page loads, says so, and keeps the bad copy aside", async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("quorum-progress", "{this is not json");
      sessionStorage.setItem("seeded", "1");
    }
  });
  await page.goto("/");
  const notice = page.getByRole("alert").filter({ hasText: "Your saved progress could not be read" });
  await expect(notice).toContainText("because it is not valid JSON");
  const backups = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("quorum-progress.backup.")));
  expect(backups).toHaveLength(1);
  expect(await page.evaluate((k) => localStorage.getItem(k), backups[0]!)).toBe("{this is not json");
  await expect(page.getByTestId("overall-progress")).toContainText("0 of");
  await page.getByRole("button", { name: "Dismiss" }).click();
  await expect(notice).toHaveCount(0);
});

test("the checks load after the page: a tick is saved over stored progress only once it has been read", async ({ page }) => {
  const checkbox = (n: number) => page.getByRole("checkbox", { name: first!.frontmatter.checklist[n]!.text.replace(/`/g, "") });
  await page.goto(`/lessons/${first!.frontmatter.id}`);
  await checkbox(0).check();
  const stored = await page.evaluate(() => localStorage.getItem("quorum-progress"));
  expect(stored).toContain(first!.frontmatter.checklist[0]!.id);

  // Offline after the page loaded: the chunk with zod, which validates what was stored, never arrives.
  let zodRequested = false;
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!body.includes("$ZodType")) return route.fulfill({ response, body });
    zodRequested = true;
    return route.abort("internetdisconnected");
  });
  await page.reload();
  await expect.poll(() => zodRequested).toBe(true);
  await checkbox(1).check();
  await expect(checkbox(1)).toBeChecked();
  // Progress that could not be checked is not saved over, and the learner is told.
  await expect(page.getByRole("alert").filter({ hasText: "Your saved progress could not be read" })).toContainText("not saved until it is read");
  expect(await page.evaluate(() => localStorage.getItem("quorum-progress"))).toBe(stored);

  // Back online, Try again: the stored tick is read and checked, the new one kept with it, and saved.
  await page.unroute("**/_next/static/chunks/*.js");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "saving has resumed" })).toBeVisible();
  await expect(checkbox(0)).toBeChecked();
  await expect(checkbox(1)).toBeChecked();
  await page.reload();
  await expect(checkbox(0)).toBeChecked();
  await expect(checkbox(1)).toBeChecked();
});

test("a tick made while stored progress is still being read is kept with it", async ({ page }) => {
  const checkbox = (n: number) => page.getByRole("checkbox", { name: first!.frontmatter.checklist[n]!.text.replace(/`/g, "") });
  await page.goto(`/lessons/${first!.frontmatter.id}`);
  await checkbox(0).check();

  // A slow network: the checks arrive well after the page is interactive.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes("$ZodType")) await held;
    return route.fulfill({ response, body });
  });
  await page.reload();
  await checkbox(1).check();
  release();
  await expect(checkbox(0)).toBeChecked();
  await expect(checkbox(1)).toBeChecked();
  await page.reload();
  await expect(checkbox(0)).toBeChecked();
  await expect(checkbox(1)).toBeChecked();
});

test("export, reset, import: progress comes back; a bad file changes nothing", async ({ page }, testInfo) => {
  await page.goto(`/lessons/${second!.frontmatter.id}`);
  const item = second!.frontmatter.checklist[0]!;
  await page.getByRole("checkbox", { name: item.text.replace(/`/g, "") }).check();

  await page.goto("/progress");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export progress" }).click()]);
  const file = testInfo.outputPath("progress.json");
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, "utf8"));
  expect(exported.format).toBe("quorum-progress");
  expect(download.suggestedFilename()).toMatch(/^quorum-progress-\d{4}-\d{2}-\d{2}\.json$/);

  await page.getByRole("button", { name: "Reset progress…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reset all progress?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId(`progress-row-${second!.frontmatter.id}`)).toContainText("In progress");
  await page.getByRole("button", { name: "Reset progress…" }).click();
  await dialog.getByRole("button", { name: "Reset everything" }).click();
  await expect(page.getByTestId(`progress-row-${second!.frontmatter.id}`)).toContainText("Not started");

  await page.getByTestId("import-input").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from('{"format":"something-else"}') });
  await expect(page.getByTestId("transfer-message")).toHaveText("This JSON file is not a Quorum progress export. Nothing was changed.");
  await expect(page.getByTestId(`progress-row-${second!.frontmatter.id}`)).toContainText("Not started");

  // Importing the export made before the reset brings the progress back.
  await page.getByTestId("import-input").setInputFiles(file);
  await expect(page.getByTestId("transfer-message")).toContainText("1 more checklist items ticked");
  await expect(page.getByTestId(`progress-row-${second!.frontmatter.id}`)).toContainText("In progress");
});

test("import restores progress into a fresh browser", async ({ browser }, testInfo) => {
  const source = await browser.newContext();
  const page = await source.newPage();
  await page.goto(`/lessons/${second!.frontmatter.id}`);
  await page.getByRole("checkbox", { name: second!.frontmatter.checklist[1]!.text.replace(/`/g, "") }).check();
  await page.goto("/progress");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export progress" }).click()]);
  const file = testInfo.outputPath("moved.json");
  await download.saveAs(file);
  await source.close();

  const target = await browser.newContext();
  const fresh = await target.newPage();
  await fresh.goto("/progress");
  await fresh.getByTestId("import-input").setInputFiles(file);
  await expect(fresh.getByTestId("transfer-message")).toContainText("1 more checklist items ticked");
  await expect(fresh.getByTestId(`progress-row-${second!.frontmatter.id}`)).toContainText("In progress");
  await target.close();
});

test("full storage: the notice's way out downloads the unreadable data, frees the space, and saving resumes", async ({ page }) => {
  const garbage = `{corrupted ${"x".repeat(300_000)}`;
  await page.addInitScript((bad) => {
    if (sessionStorage.getItem("seeded")) return;
    sessionStorage.setItem("seeded", "1");
    localStorage.setItem("quorum-progress", bad);
    // Fill the rest of this origin's storage, down to the last character.
    let chunk = 1_000_000;
    for (let i = 0; chunk > 0; i++) {
      try {
        localStorage.setItem(`filler-${i}`, "f".repeat(chunk));
      } catch {
        chunk = Math.floor(chunk / 2);
      }
    }
  }, garbage);
  const lesson = first!.frontmatter;
  const box = (i: number) => page.getByRole("checkbox", { name: lesson.checklist[i]!.text.replace(/`/g, "") });
  await page.goto(`/lessons/${lesson.id}`);

  const notice = page.getByRole("alert").filter({ hasText: "Your saved progress could not be read" });
  await expect(notice).toContainText("too full to keep a copy aside");
  // Saving is paused: a tick now stays in memory and the bad data is untouched.
  await box(0).check();
  expect(await page.evaluate(() => localStorage.getItem("quorum-progress")?.slice(0, 20))).toBe(garbage.slice(0, 20));

  const [download] = await Promise.all([page.waitForEvent("download"), notice.getByRole("button", { name: "Download the unreadable data" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^quorum-progress-unreadable-.*\.txt$/);
  const saved = await download.path();
  expect((await readFile(saved, "utf8")) === garbage).toBe(true);

  await notice.getByRole("button", { name: "I have the file: free the space" }).click();
  await expect(page.getByRole("status").filter({ hasText: "saving your progress again" })).toBeVisible();
  await box(1).check();

  await page.reload();
  await expect(box(0)).toBeChecked();
  await expect(box(1)).toBeChecked();
  await expect(notice).toHaveCount(0);
});
