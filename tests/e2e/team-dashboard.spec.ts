import { readFile } from "node:fs/promises";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { PROGRESS_VERSION } from "@/lib/progress/migrations";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { lessons } from "./content";
import { checkPage } from "./helpers";

/**
 * The lead's dashboard and certificates on the production build. Set-up goes through the API
 * (the team, two members, a published track assigned to the whole team, and one member's
 * progress through POST /api/v1/sync, as the sync engine sends it); then, in the browser: the
 * lead sees the matrix, filters it to overdue, downloads the CSV and opens a member; the member
 * who completed the track gets a certificate, and its verification page works signed out.
 * axe in light and dark on each page; screenshots at 360 and 1280 px, both themes, and the
 * print media, go to $SHOTS_DIR when it is set.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const PASSWORD = "correct horse battery";
const LEAD = { name: "Lena Lead", email: `lena.${run}@example.com` };
const MO = { name: "Mo Member", email: `mo.dash.${run}@example.com` };
const SAM = { name: "Sam Slow", email: `sam.${run}@example.com` };
/** accounts.spec.ts's admin, for when that spec has set this instance up already (they share one server). */
const ACCOUNTS_ADMIN = { email: "ada@example.com", password: PASSWORD };
const TEAM = `Dashboard ${run}`;
const LESSONS = ["system-architecture", "communication-patterns"];

let lead: BrowserContext;
let mo: BrowserContext;
let teamId = "";
let trackId = "";
let certificateUrl = "";

async function api(context: BrowserContext, method: "GET" | "POST" | "PUT", path: string, data?: unknown) {
  const response = await context.request.fetch(path, { method, data, headers: { origin: new URL(test.info().project.use.baseURL!).origin } });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

async function signedUp(browser: Browser, who: { name: string; email: string }) {
  const context = await browser.newContext({ acceptDownloads: true });
  await api(context, "POST", "/api/v1/auth/sign-up/email", { name: who.name, email: who.email, password: PASSWORD });
  return context;
}

/** Every checklist item ticked and a perfect quiz attempt, for each lesson. */
function completing(lessonIds: string[], at: number): ProgressFacts {
  const facts = emptyFacts();
  for (const id of lessonIds) {
    const lesson = lessons().find((l) => l.frontmatter.id === id)!;
    facts.checklist[id] = Object.fromEntries(lesson.frontmatter.checklist.map((item) => [item.id, { value: true, at: { wall: at, counter: 0, device: "e2e-device" } }]));
    const total = lesson.quiz.questions.length;
    facts.attempts[`attempt-${id}`] = { id: `attempt-${id}`, lessonId: id, at: { wall: at + 1, counter: 0, device: "e2e-device" }, responses: {}, correct: total, total };
  }
  return facts;
}

test("set-up: a team, two members, a published track for the whole team, one member's synced progress", async ({ browser }) => {
  lead = await browser.newContext({ acceptDownloads: true });
  const setup = await lead.request.post("/api/v1/setup", { data: { ...LEAD, password: PASSWORD }, headers: { origin: new URL(test.info().project.use.baseURL!).origin } });
  if (setup.status() !== 201) {
    // Another spec set this instance up: its admin owns our team (an owner sees the dashboard like a lead).
    await api(lead, "POST", "/api/v1/auth/sign-in/email", ACCOUNTS_ADMIN);
  }
  teamId = (await api(lead, "POST", "/api/v1/teams", { name: TEAM })).team.id;
  mo = await signedUp(browser, MO);
  const sam = await signedUp(browser, SAM);
  for (const [context, who] of [[mo, MO], [sam, SAM]] as const) {
    const invitation = (await api(lead, "POST", `/api/v1/teams/${teamId}/invitations`, { email: who.email, role: "member" })).invitation;
    await api(context, "POST", `/api/v1/invitations/${invitation.id}/accept`);
  }
  const steps = LESSONS.map((lessonId) => ({ lessonId, due: { kind: "date", date: "2026-01-05" }, note: "Why this step." }));
  trackId = (await api(lead, "POST", `/api/v1/teams/${teamId}/tracks`, { content: { title: "Payments onboarding", summary: "", passMark: 80, assessment: null, steps } })).track.track.id;
  await api(lead, "POST", `/api/v1/teams/${teamId}/tracks/${trackId}/publish`);
  await api(lead, "PUT", `/api/v1/teams/${teamId}/tracks/${trackId}/assignments`, { wholeTeam: true, memberIds: [] });
  const me = (await api(mo, "GET", "/api/v1/session")).user;
  await api(mo, "POST", "/api/v1/sync", { format: PROGRESS_VERSION, account: me.id, deviceId: "e2e-device", cursor: null, facts: completing(LESSONS, Date.now() - 3_600_000) });
});

test("the lead sees the matrix, filters it to overdue, downloads the CSV and opens a member", async () => {
  const page = await lead.newPage();
  await page.goto(`/teams/${teamId}`);
  await page.getByRole("link", { name: /See the team’s progress/ }).click();
  // The dashboard is rendered on the server for each request: give a loaded machine time.
  await page.waitForURL(/\/dashboard$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress of ${TEAM}`);
  const matrix = page.getByTestId(`matrix-${trackId}`);
  await expect(matrix.getByTestId("row-Mo Member")).toContainText("2 of 2");
  await expect(matrix.getByTestId("row-Mo Member").getByText("Done late")).toHaveCount(2);
  await expect(matrix.getByTestId("row-Sam Slow")).toContainText("2 overdue");
  await checkPage(page, "team dashboard", { print: true });

  await page.getByLabel("Show").selectOption("overdue");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForURL(/state=overdue/, { timeout: 30_000 });
  await expect(matrix.getByTestId("row-Sam Slow")).toBeVisible();
  await expect(matrix.getByTestId("row-Mo Member")).toHaveCount(0);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await page.waitForURL(/\/dashboard$/, { timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^dashboard-[a-z0-9]+-progress-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("member,track,step,status,overdue,best score (%),due date (end of day in UTC),completed at (UTC)");
  expect(lines.filter((l) => l.startsWith("Mo Member,Payments onboarding,"))).toEqual([
    expect.stringMatching(/^Mo Member,Payments onboarding,1\. [^,]+,done late,no,100,2026-01-05,\d{4}-\d\d-\d\dT/),
    expect.stringMatching(/^Mo Member,Payments onboarding,2\. [^,]+,done late,no,100,2026-01-05,\d{4}-\d\d-\d\dT/),
  ]);
  expect(lines.filter((l) => l.startsWith("Sam Slow,"))).toEqual([
    expect.stringMatching(/,not started,yes,,2026-01-05,$/),
    expect.stringMatching(/,not started,yes,,2026-01-05,$/),
  ]);

  await page.getByRole("link", { name: "Mo Member" }).first().click();
  await page.waitForURL(/\/dashboard\/members\//, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mo Member");
  await expect(page.getByTestId("attempts").getByRole("row")).toHaveCount(3);
  await checkPage(page, "member page", { print: true });
});

test("the lead sets the team's time zone on the team page; the dashboard and the member's track say it", async () => {
  const page = await lead.newPage();
  await page.goto(`/teams/${teamId}`);
  const form = page.getByTestId("time-zone-form");
  await page.waitForLoadState("networkidle");
  await form.getByLabel("Time zone").selectOption("America/Sao_Paulo");
  await form.getByRole("button", { name: "Save time zone" }).focus();
  await page.keyboard.press("Enter");
  await expect(form.getByRole("status")).toHaveText("Saved: due dates are now in America/Sao Paulo time.");
  await checkPage(page, "team page with time zone");
  await page.goto(`/teams/${teamId}/dashboard`);
  await expect(page.getByTestId("time-zone")).toContainText("Due dates are in America/Sao Paulo time");
  const learner = await mo.newPage();
  await learner.goto("/tracks/assigned");
  await expect(learner.getByTestId(`time-zone-${trackId}`)).toHaveText("Due dates are in America/Sao Paulo time");
  await learner.close();
});

test("the member who completed the track gets a certificate; it verifies signed out, a guessed address does not", async ({ browser }) => {
  const page = await mo.newPage();
  await page.goto("/tracks/assigned");
  await page.getByTestId(`assigned-path-${trackId}`).getByRole("button", { name: "Get your certificate" }).click();
  await page.waitForURL(/\/certificates\/[A-Za-z0-9_-]{43}$/, { timeout: 30_000 });
  certificateUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("certificate")).toContainText("Mo Member");
  await expect(page.getByTestId("certificate")).toContainText("not a proctored or supervised exam");

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(certificateUrl);
  await expect(stranger.getByTestId("verification")).toContainText("Genuine.");
  await expect(stranger.getByTestId("certificate")).toContainText("Payments onboarding");
  await checkPage(stranger, "certificate", { print: true });

  const guessed = certificateUrl.slice(0, -4) + (certificateUrl.endsWith("AAAA") ? "BBBB" : "AAAA");
  const answer = await stranger.goto(guessed);
  expect(answer?.status()).toBe(404);
  await expect(stranger.getByTestId("verification")).toContainText("Not verified.");
  await checkPage(stranger, "certificate not found", { print: true });

  // Back on the dashboard, the lead sees who holds one.
  const leadPage = await lead.newPage();
  await leadPage.goto(`/teams/${teamId}/dashboard`);
  await expect(leadPage.getByTestId(`matrix-${trackId}`).getByTestId("row-Mo Member").getByRole("link", { name: "Certificate held" })).toHaveAttribute("href", certificateUrl);
});
