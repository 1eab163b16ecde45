/**
 * The sync client in a real browser, against a stand-in for the server: the session probe and
 * the sync endpoint are answered by page.route, so this runs before the real endpoint exists
 * (phase 2 adds tests/e2e/sync.spec.ts against it, see docs/sync.md). What it checks is the
 * browser's side: the header's words, pushes after a tick, offline and back, a 429.
 */
import AxeBuilder from "@axe-core/playwright";
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { emptyFacts } from "@/lib/progress/types";
import { lessons } from "./content";
import { watchConsole } from "./helpers";

const lesson = lessons()[0]!;
const item = lesson.frontmatter.checklist[0]!;
const itemName = item.text.replace(/`/g, "");

interface Stub {
  requests: { cursor: number | null; facts: ReturnType<typeof emptyFacts> }[];
  status: number;
}

async function signedIn(context: BrowserContext, page: Page): Promise<Stub> {
  const stub: Stub = { requests: [], status: 200 };
  const url = new URL(test.info().project.use.baseURL!);
  await context.addCookies([{ name: "quorum-signed-in", value: "1", domain: url.hostname, path: "/" }]);
  await page.route("**/api/v1/session", (route) => route.fulfill({ json: { user: { id: "e2e-user" } } }));
  await page.route("**/api/v1/sync", async (route) => {
    const request = route.request().postDataJSON();
    stub.requests.push(request);
    if (stub.status === 429) {
      return route.fulfill({
        status: 429,
        headers: { "retry-after": "120" },
        contentType: "application/problem+json",
        json: { type: "/api/v1/problems/rate-limited", title: "Too many requests", status: 429 },
      });
    }
    return route.fulfill({ json: { cursor: stub.requests.length, more: false, facts: emptyFacts() } });
  });
  return stub;
}

const sync = (page: Page) => page.getByRole("banner").getByRole("status");

test("the header says the sync state in words as the learner ticks, goes offline and comes back", async ({ context, page }) => {
  const noErrors = watchConsole(page);
  const stub = await signedIn(context, page);
  await page.goto(`/lessons/${lesson.frontmatter.id}`);
  await expect(sync(page)).toContainText("Synced");
  await expect(page.getByRole("banner")).toContainText("just now");
  expect(stub.requests[0]?.cursor).toBeNull();

  await page.getByRole("checkbox", { name: itemName }).check();
  await expect(sync(page)).toContainText("Syncing…");
  await expect(sync(page)).toContainText("Synced");
  const pushed = stub.requests.at(-1)!;
  expect(pushed.cursor).toBe(1);
  expect(pushed.facts.checklist[lesson.frontmatter.id]?.[item.id]?.value).toBe(true);

  await context.setOffline(true);
  await page.getByRole("checkbox", { name: itemName }).uncheck();
  await expect(sync(page)).toContainText("Offline: 1 change waiting");
  const sent = stub.requests.length;
  await context.setOffline(false);
  await expect(sync(page)).toContainText("Synced");
  expect(stub.requests.length).toBe(sent + 1);
  expect(stub.requests.at(-1)!.facts.checklist[lesson.frontmatter.id]?.[item.id]?.value).toBe(false);
  noErrors();
});

test("a rate-limited sync says when it will try again", async ({ context, page }) => {
  const stub = await signedIn(context, page);
  stub.status = 429;
  await page.goto("/");
  await expect(sync(page)).toContainText("Not synced");
  await expect(page.getByRole("banner")).toContainText(/the server asked to slow down; retrying in (2 min|1\d\d s)/);
});

test("nothing about sync shows, and nothing is asked of the server, for a visitor who is not signed in", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`/lessons/${lesson.frontmatter.id}`);
  await page.getByRole("checkbox", { name: itemName }).check();
  await page.waitForTimeout(2_000);
  await expect(page.getByRole("banner").getByRole("status")).toHaveCount(0);
  expect(requests.filter((u) => u.includes("/api/v1/"))).toEqual([]);
});

for (const theme of ["light", "dark"] as const) {
  test(`the header with its sync state has no axe violations and fits a phone (${theme})`, async ({ context, page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 360, height: 740 });
    await signedIn(context, page);
    await page.goto(`/lessons/${lesson.frontmatter.id}`);
    await expect(sync(page)).toContainText("Synced");
    await context.setOffline(true);
    await page.getByRole("checkbox", { name: itemName }).check();
    await expect(sync(page)).toContainText("Offline: 1 change waiting");
    const results = await new AxeBuilder({ page }).include("header").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await context.setOffline(false);
  });
}
