import { readFile } from "node:fs/promises";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { lessons } from "./content";
import { checkPage, watchConsole } from "./helpers";

/**
 * The account and team journey on the production build, with its fresh embedded database:
 * set up the admin, create a team, invite a second person by link (in a second browser), accept,
 * change a role, sign out and in, download and delete an account. Every new page is checked
 * with axe-core in both themes and for horizontal scroll at 360 px along the way.
 */
test.describe.configure({ mode: "serial" });

const ADMIN = { name: "Ada Admin", email: "ada@example.com", password: "correct horse battery" };
const LIN = { name: "Lin Learner", email: "lin@example.com", password: "another good secret" };

async function fill(page: Page, fields: Record<string, string>) {
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
}

const lesson = lessons().find((l) => l.frontmatter.checklist.length > 0)!;
const lessonPath = `/lessons/${lesson.frontmatter.id}`;
const firstItem = lesson.frontmatter.checklist[0]!.text.replace(/`/g, "");

let admin: Page;
let lin: Page;
let teamUrl = "";
let inviteLink = "";

async function newPage(browser: Browser) {
  const context = await browser.newContext({ acceptDownloads: true });
  return context.newPage();
}

test("the first visitor sets up the admin; forms show their errors in words", async ({ browser }) => {
  admin = await newPage(browser);
  const noErrors = watchConsole(admin);
  await admin.goto("/signin");
  await expect(admin.getByText("This Quorum is not set up yet")).toBeVisible();
  await admin.getByRole("link", { name: "Set up Quorum" }).click();
  await expect(admin).toHaveURL(/\/setup$/);
  await checkPage(admin, "/setup");

  // Submitting empty: a summary that takes the focus, and each field says what is wrong.
  await admin.getByRole("button", { name: "Create the admin account" }).click();
  const summary = admin.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Your name: Enter a name.");
  await expect(admin.locator("#password-error")).toContainText("at least 10 characters");
  await checkPage(admin, "/setup with errors");
  // What was typed is kept after an error.
  await fill(admin, { "Your name": ADMIN.name, "Email address": ADMIN.email, Password: "short" });
  await admin.getByRole("button", { name: "Create the admin account" }).click();
  await expect(admin.locator("#password-error")).toBeVisible();
  await expect(admin.getByLabel("Email address")).toHaveValue(ADMIN.email);

  await admin.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await admin.getByRole("button", { name: "Create the admin account" }).click();
  await expect(admin).toHaveURL(/\/teams$/);
  await expect(admin.getByTestId("account-entry")).toContainText(ADMIN.name);
  // The setup page is gone once done (it sends to sign-in, which sends a signed-in admin on).
  await admin.goto("/setup");
  await expect(admin).toHaveURL(/\/account$/);
  noErrors();
});

test("the admin creates a team and invites someone by link", async () => {
  await admin.goto("/teams");
  await checkPage(admin, "/teams");
  await admin.getByLabel("Team name").fill("Platform");
  await admin.getByRole("button", { name: "Create team" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Platform");
  teamUrl = admin.url();

  await admin.getByLabel("Email address").fill(LIN.email);
  await admin.getByRole("button", { name: "Invite" }).click();
  await expect(admin.getByTestId("invitation-made")).toContainText(`Invitation for ${LIN.email} ready`);
  inviteLink = await admin.getByTestId("invitation-made").getByTestId("invitation-link").inputValue();
  expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9]{32}$/);
  await expect(admin.getByTestId(`invitation-${LIN.email}`)).toBeVisible();
  await checkPage(admin, "/teams/[id] (manager)");
});

test("a second person signs up from the link, returns to it and joins as a plain member", async ({ browser }) => {
  lin = await newPage(browser);
  const noErrors = watchConsole(lin);
  await lin.goto(inviteLink);
  await expect(lin.getByRole("heading", { level: 1 })).toHaveText("Join Platform");
  await checkPage(lin, "/invite/[token]");
  await lin.getByRole("link", { name: "Create an account" }).click();
  await expect(lin).toHaveURL(/\/signup\?next=/);
  await checkPage(lin, "/signup");
  await fill(lin, { "Your name": LIN.name, "Email address": LIN.email, Password: LIN.password });
  await lin.getByRole("button", { name: "Create account" }).click();
  await expect(lin).toHaveURL(inviteLink);
  await lin.getByRole("button", { name: "Join Platform" }).click();
  await expect(lin).toHaveURL(teamUrl);

  // A plain member sees the team and its leads, and what they can see of them; no management.
  await expect(lin.getByTestId("member-view")).toContainText(ADMIN.name);
  await expect(lin.getByTestId("what-leads-see")).toContainText("What your leads can see of you");
  await expect(lin.getByTestId("invite-form")).toHaveCount(0);
  await expect(lin.getByTestId("members")).toHaveCount(0);
  await expect(lin.getByRole("combobox")).toHaveCount(0);
  await checkPage(lin, "/teams/[id] (member)");
  // The link was single use.
  await lin.goto(inviteLink);
  await expect(lin.getByTestId("invitation-gone")).toContainText("already used");
  noErrors();
});

test("the admin makes the member a lead; the lead then manages the team", async () => {
  await admin.goto(teamUrl);
  const row = admin.getByTestId(`member-${LIN.email}`);
  await row.getByLabel(`Role of ${LIN.name}`).selectOption("lead");
  await expect(admin.getByTestId("members-notice")).toHaveText(`${LIN.name} is now a lead.`);
  await expect(row.getByLabel(`Role of ${LIN.name}`)).toHaveValue("lead");
  await lin.goto(teamUrl);
  await expect(lin.getByTestId("invite-form")).toBeVisible();
  // A lead cannot hand out ownership: the role list offers member and lead only.
  await expect(lin.getByLabel("Role", { exact: true }).locator("option")).toHaveText(["Member", "Lead"]);
  await admin.getByTestId(`member-${LIN.email}`).getByLabel(`Role of ${LIN.name}`).selectOption("member");
  // Wait for the change to be confirmed before the member's page asks again.
  await expect(admin.getByTestId("members-notice")).toHaveText(`${LIN.name} is now a member.`);
  await lin.reload();
  await expect(lin.getByTestId("invite-form")).toHaveCount(0);
});

test("sign out and sign in again", async () => {
  await lin.goto("/account");
  await checkPage(lin, "/account");
  await lin.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(lin).toHaveURL(/\/$/);
  await expect(lin.getByTestId("account-entry")).toHaveText("Sign in");
  await lin.getByTestId("account-entry").click();
  await checkPage(lin, "/signin");
  await fill(lin, { "Email address": LIN.email, Password: "wrong password!" });
  await lin.getByRole("button", { name: "Sign in" }).click();
  await expect(lin.getByTestId("error-summary")).toContainText("do not match an account");
  await lin.getByLabel("Password", { exact: true }).fill(LIN.password);
  await lin.getByRole("button", { name: "Sign in" }).click();
  await expect(lin).toHaveURL(/\/account$/);
  await expect(lin.getByTestId("account-entry")).toContainText(LIN.name);
});

test("a session from before the signed-in hint still shows who is signed in", async () => {
  // Sessions made before the hint cookie existed have no hint: a page gives it back.
  await lin.context().clearCookies({ name: "quorum-signed-in" });
  await lin.goto(lessonPath);
  await expect(lin.getByTestId("account-entry")).toContainText(LIN.name);
  const cookies = await lin.context().cookies();
  expect(cookies.find((c) => c.name === "quorum-signed-in")).toMatchObject({ value: "1", httpOnly: false, sameSite: "Lax" });
});

test("download all my data, then delete the account after a confirmation that names what goes", async () => {
  // Lin's progress in this browser is the account's (it syncs); deleting the account takes it away.
  await lin.goto(lessonPath);
  await lin.getByRole("checkbox", { name: firstItem }).check();
  await expect(lin.getByRole("banner").getByRole("status")).toContainText("Synced");
  await lin.goto("/account");
  const download = lin.waitForEvent("download");
  await lin.getByRole("link", { name: "Download all my data" }).click();
  const file = await (await download).path();
  const data: unknown = JSON.parse(await readFile(file, "utf8"));
  expect(data).toMatchObject({ format: "quorum-account", account: { email: LIN.email }, teams: [{ teamName: "Platform", role: "member" }] });

  await lin.getByRole("button", { name: "Delete my account…" }).click();
  const dialog = lin.getByRole("dialog", { name: "Delete your account?" });
  await expect(dialog.getByTestId("delete-list")).toContainText("Your place in 1 team: “Platform”");
  await checkPage(lin, "/account delete dialog");
  await dialog.getByLabel("Your password").fill("not my password");
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(dialog.locator("#password-error")).toContainText("That is not your password.");
  await dialog.getByLabel("Your password").fill(LIN.password);
  await dialog.getByRole("button", { name: "Delete my account" }).click();
  await expect(lin).toHaveURL(/\/\?account=deleted$/);
  await expect(lin.getByTestId("account-entry")).toHaveText("Sign in");
  await lin.goto(lessonPath);
  await expect(lin.getByRole("checkbox", { name: firstItem })).not.toBeChecked();

  // The admin sees Lin gone from the team.
  await admin.goto(teamUrl);
  await expect(admin.getByTestId(`member-${LIN.email}`)).toHaveCount(0);
  // The admin cannot delete their account while others could remain; here they are alone, so they may.
  await admin.goto("/account");
  await expect(admin.getByTestId("account-identity")).toContainText("this Quorum's admin");
});
