/**
 * The account: who is signed in, download all my data, delete it all (after the password), sign
 * out, sign out everywhere, change the password.
 */
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";
import * as accountRoute from "@/app/api/v1/account/route";
import * as exportRoute from "@/app/api/v1/account/export/route";
import * as authRoute from "@/app/api/v1/auth/[...all]/route";
import * as sessionRoute from "@/app/api/v1/session/route";
import * as teamRoute from "@/app/api/v1/teams/[teamId]/route";
import * as setupRoute from "@/app/api/v1/setup/route";
import { ne } from "drizzle-orm";
import { describeAccountDeletion } from "@/lib/server/accounts/account";
import { users } from "@/lib/server/db/schema";
import { getDb } from "@/lib/server/db/client";
import { call, cookieFrom, PASSWORD, problemOf, signIn, signUp } from "./support/api";
import { snapshot } from "./support/db";
import { buildWorld, createTeam, join, type World } from "./support/world";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

const signedInAs = async (cookie: string) => {
  const answer = await call(sessionRoute.GET, { path: "/api/v1/session", session: { cookie } });
  return z.object({ user: z.object({ id: z.string(), name: z.string() }).nullable() }).parse(answer.body).user;
};

describe("who is signed in", () => {
  test("GET /session names the user, and only id and name", async () => {
    expect(await signedInAs(w.member.cookie)).toEqual({ id: w.member.userId, name: "Mo Member" });
  });
});

describe("download all my data", () => {
  test("a JSON attachment with the account, sessions, teams and invitations sent; no password hash", async () => {
    const answer = await call(exportRoute.GET, { path: "/api/v1/account/export", session: w.admin });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="quorum-account-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = z
      .object({
        format: z.literal("quorum-account"),
        version: z.literal(1),
        account: z.object({ id: z.string(), email: z.string(), isInstanceAdmin: z.boolean() }),
        sessions: z.array(z.object({ createdAt: z.string() })),
        teams: z.array(z.object({ teamName: z.string(), role: z.string() })),
        invitationsSent: z.array(z.object({ email: z.string() })),
      })
      .parse(answer.body);
    expect(data.account).toMatchObject({ id: w.admin.userId, email: w.admin.email, isInstanceAdmin: true });
    expect(data.teams.map((t) => `${t.teamName}:${t.role}`).sort()).toEqual(["Alpha:owner", "Beta:owner"]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(answer.text).not.toMatch(/password|scrypt|\$2[aby]\$/i);
  });
});

describe("delete my account", () => {
  test("the wrong password: 400 on the field, nothing deleted", async () => {
    const before = await snapshot();
    const answer = await call(accountRoute.DELETE, { method: "DELETE", path: "/api/v1/account", body: { password: "not it at all" }, session: w.member });
    expect(answer.status).toBe(400);
    expect(problemOf(answer).errors).toEqual([{ field: "password", message: "That is not your password." }]);
    expect(await snapshot()).toEqual(before);
  });

  test("the admin cannot leave while others have accounts (409), nothing deleted", async () => {
    const before = await snapshot();
    const answer = await call(accountRoute.DELETE, { method: "DELETE", path: "/api/v1/account", body: { password: PASSWORD }, session: w.admin });
    expect(answer.status).toBe(409);
    problemOf(answer);
    expect(await snapshot()).toEqual(before);
  });

  test("the confirmation names what will go: teams owned alone, places in other teams, sessions", async () => {
    const owner = await signUp("Oda Owner");
    // Only the admin and leads create teams: the admin makes Oda a lead in Alpha first.
    await join(w.admin, w.alpha, owner, "lead");
    const solo = await createTeam(owner, "Solo");
    const shared = await createTeam(owner, "Shared");
    const coOwner = await signUp("Cy CoOwner");
    await join(owner, shared, coOwner, "owner");
    const lines = await describeAccountDeletion(await getDb(), owner.userId);
    expect(lines.join("\n")).toContain("“Solo”, because you are its only owner");
    expect(lines.join("\n")).not.toContain("“Shared”, because");
    expect(lines.join("\n")).toContain("Your place in 2 teams: “Alpha”, “Shared”");
    expect(lines.join("\n")).toMatch(/signed-in session/);

    const answer = await call(accountRoute.DELETE, { method: "DELETE", path: "/api/v1/account", body: { password: PASSWORD }, session: owner });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.headers.getSetCookie().some((c) => /^quorum\.session_token=;.*Max-Age=0/.test(c))).toBe(true);
    const after = await snapshot();
    expect(after.users?.some((u) => u.includes(owner.userId))).toBe(false);
    expect(after.sessions?.some((s) => s.includes(owner.userId))).toBe(false);
    expect(after.members?.some((m) => m.includes(owner.userId))).toBe(false);
    expect(after.organizations?.some((o) => o.includes(solo))).toBe(false);
    // The co-owned team stays, with its other owner.
    const stays = await call(teamRoute.GET, { path: "/x", params: { teamId: shared }, session: coOwner });
    expect(stays.status).toBe(200);
    expect(await signedInAs(owner.cookie)).toBeNull();
    expect((await signIn(owner.email, PASSWORD)).status).toBe(401);
  });
});

describe("sign out, sign out everywhere, change the password", () => {
  test("sign-out ends this session only", async () => {
    const user = await signUp("Sol Signout");
    const other = cookieFrom(await signIn(user.email, PASSWORD));
    // Both sessions are confirmed (so this process remembers them) before one ends: it ends at once all the same.
    expect(await signedInAs(user.cookie)).not.toBeNull();
    expect(await signedInAs(other)).not.toBeNull();
    const answer = await call(authRoute.POST, { path: "/api/v1/auth/sign-out", body: {}, session: user });
    expect(answer.status).toBe(200);
    expect(await signedInAs(user.cookie)).toBeNull();
    expect(await signedInAs(other)).not.toBeNull();
  });

  test("revoke-sessions signs every device out", async () => {
    const user = await signUp("Eve Everywhere");
    const second = cookieFrom(await signIn(user.email, PASSWORD));
    expect(await signedInAs(user.cookie)).not.toBeNull();
    expect(await signedInAs(second)).not.toBeNull();
    const answer = await call(authRoute.POST, { path: "/api/v1/auth/revoke-sessions", body: {}, session: user });
    expect(answer.status).toBe(200);
    expect(await signedInAs(user.cookie)).toBeNull();
    expect(await signedInAs(second)).toBeNull();
  });

  test("changing the password needs the current one, and can sign the other devices out", async () => {
    const user = await signUp("Pat Password");
    const second = cookieFrom(await signIn(user.email, PASSWORD));
    expect(await signedInAs(second)).not.toBeNull();
    const wrong = await call(authRoute.POST, {
      path: "/api/v1/auth/change-password",
      body: { currentPassword: "not the password", newPassword: "another good secret" },
      session: user,
    });
    expect(wrong.status).toBe(400);
    problemOf(wrong);
    const short = await call(authRoute.POST, { path: "/api/v1/auth/change-password", body: { currentPassword: PASSWORD, newPassword: "short" }, session: user });
    expect(short.status).toBe(400);
    problemOf(short);
    const changed = await call(authRoute.POST, {
      path: "/api/v1/auth/change-password",
      body: { currentPassword: PASSWORD, newPassword: "another good secret", revokeOtherSessions: true },
      session: user,
    });
    expect(changed.status, changed.text).toBe(200);
    expect(await signedInAs(second)).toBeNull();
    expect((await signIn(user.email, PASSWORD)).status).toBe(401);
    expect((await signIn(user.email, "another good secret")).status).toBe(200);
  });
});

describe("the admin alone deletes their account", () => {
  test("the instance goes back to its first-visit setup", async () => {
    // Everyone else leaves first (some through the API, the rest of this file's users directly).
    for (const other of [w.lead, w.member, w.outsider]) {
      const answer = await call(accountRoute.DELETE, { method: "DELETE", path: "/api/v1/account", body: { password: PASSWORD }, session: other });
      expect(answer.status, answer.text).toBe(200);
    }
    await (await getDb()).delete(users).where(ne(users.id, w.admin.userId));
    const answer = await call(accountRoute.DELETE, { method: "DELETE", path: "/api/v1/account", body: { password: PASSWORD }, session: w.admin });
    expect(answer.status, answer.text).toBe(200);
    const setup = await call(setupRoute.POST, { path: "/api/v1/setup", body: { name: "Next Admin", email: "next@example.com", password: PASSWORD } });
    expect(setup.status).toBe(201);
  });
});
