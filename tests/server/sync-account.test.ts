/**
 * Sync and the account: the signed-in hint cookie follows the session; "download all my data"
 * includes the synced facts; deleting the account deletes them.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as accountRoute from "@/app/api/v1/account/route";
import * as exportRoute from "@/app/api/v1/account/export/route";
import * as authRoute from "@/app/api/v1/auth/[...all]/route";
import * as sessionRoute from "@/app/api/v1/session/route";
import * as syncRoute from "@/app/api/v1/sync/route";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { describeAccountDeletion } from "@/lib/server/accounts/account";
import { getDb } from "@/lib/server/db/client";
import { syncEntries, syncState } from "@/lib/server/db/schema";
import { buildSyncRequest } from "@/lib/sync/protocol";
import { call, PASSWORD, setupAdmin, signIn, signUp } from "./support/api";

const hintOf = (cookies: string[]) => cookies.find((c) => c.startsWith("quorum-signed-in="));
const facts: ProgressFacts = {
  ...emptyFacts(),
  checklist: { testing: { "item-a": { value: true, at: { wall: 5_000, counter: 0, device: "d" } } } },
  skipped: { messaging: { value: true, at: { wall: 6_000, counter: 1, device: "d" } } },
};

beforeAll(async () => {
  await setupAdmin();
});

describe("the signed-in hint", () => {
  test("is set with the session, for as long, readable by the page; and cleared with it", async () => {
    const user = await signUp("Hugo Hint");
    const signedIn = await signIn(user.email, PASSWORD);
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith("quorum.session_token="))!;
    const hint = hintOf(signedIn.headers.getSetCookie());
    expect(hint).toMatch(/^quorum-signed-in=1; Path=\/; SameSite=Lax; Max-Age=\d+/);
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(/Max-Age=(\d+)/.exec(hint!)?.[1]).toBe(/Max-Age=(\d+)/.exec(session)?.[1]);

    const out = await call(authRoute.POST, { path: "/api/v1/auth/sign-out", body: {}, session: user });
    expect(out.status).toBe(200);
    expect(hintOf(out.headers.getSetCookie())).toMatch(/^quorum-signed-in=; .*Max-Age=0/);
  });

  test("a stale hint (no live session) is cleared by /session; an anonymous visitor gets no cookie", async () => {
    const stale = await call(sessionRoute.GET, { path: "/api/v1/session", session: { cookie: "quorum-signed-in=1" } });
    expect(stale.body).toEqual({ user: null });
    expect(hintOf(stale.headers.getSetCookie())).toMatch(/Max-Age=0/);
    const anonymous = await call(sessionRoute.GET, { path: "/api/v1/session" });
    expect(anonymous.headers.getSetCookie()).toEqual([]);
  });

  test("a session cookie whose session ended elsewhere is deleted by /session, with the hint", async () => {
    // Pages give the hint back to any browser holding a session cookie (next.config.mjs): a dead
    // cookie must go, or every page view would ask /session again.
    const user = await signUp("Dora Dead");
    const other = await signIn(user.email, PASSWORD);
    const otherCookie = other.headers.getSetCookie().map((c) => c.split(";")[0]!).filter((c) => c.startsWith("quorum.session_token=")).join("");
    expect((await call(authRoute.POST, { path: "/api/v1/auth/revoke-sessions", body: {}, session: { cookie: otherCookie } })).status).toBe(200);
    expect(user.cookie).toContain("quorum-signed-in=1");
    const dead = await call(sessionRoute.GET, { path: "/api/v1/session", session: user });
    expect(dead.body).toEqual({ user: null });
    const cleared = dead.headers.getSetCookie();
    expect(cleared.find((c) => c.startsWith("quorum.session_token="))).toMatch(/^quorum\.session_token=; Path=\/; Max-Age=0; HttpOnly/);
    expect(cleared.filter((c) => c.startsWith("quorum-signed-in="))).toEqual([expect.stringMatching(/^quorum-signed-in=; .*Max-Age=0/)]);
  });
});

describe("synced progress belongs to the account", () => {
  test("download all my data includes the facts; deleting the account deletes them", async () => {
    const user = await signUp("Pia Progress");
    const synced = await call(syncRoute.POST, {
      path: "/api/v1/sync",
      session: user,
      body: buildSyncRequest({ account: user.userId, deviceId: "d", cursor: null, facts }),
    });
    expect(synced.status).toBe(200);

    const exported = await call(exportRoute.GET, { path: "/api/v1/account/export", session: user });
    expect(exported.status).toBe(200);
    expect((exported.body as { progress: unknown }).progress).toEqual(facts);

    const lines = await describeAccountDeletion(await getDb(), user.userId);
    expect(lines.join("\n")).toContain("Your synced progress: 2 facts");

    const deleted = await call(accountRoute.DELETE, { method: "DELETE", path: "/api/v1/account", body: { password: PASSWORD }, session: user });
    expect(deleted.status, deleted.text).toBe(200);
    expect(hintOf(deleted.headers.getSetCookie())).toMatch(/Max-Age=0/);
    const db = await getDb();
    expect(await db.select().from(syncEntries).where(eq(syncEntries.userId, user.userId))).toEqual([]);
    expect(await db.select().from(syncState).where(eq(syncState.userId, user.userId))).toEqual([]);
  });
});
