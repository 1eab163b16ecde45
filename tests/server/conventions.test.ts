/**
 * The API's conventions, on our routes and on Better Auth's alike: request ids, problem details,
 * the same-origin rule, rate limits answered 429 with Retry-After, health and readiness, one
 * JSON log line per request that never holds a secret.
 */
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import * as z from "zod";
import * as authRoute from "@/app/api/v1/auth/[...all]/route";
import * as healthRoute from "@/app/api/v1/health/route";
import * as readyRoute from "@/app/api/v1/ready/route";
import * as invitationRoute from "@/app/api/v1/invitations/[token]/route";
import * as invitationsRoute from "@/app/api/v1/teams/[teamId]/invitations/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import { RATE_LIMITS } from "@/lib/server/http/rate-limit";
import { readJournal } from "@/lib/server/db/migrations";
import { call, freshAddress, PASSWORD, problemOf, signIn, signUp } from "./support/api";
import { snapshot } from "./support/db";
import { buildWorld, invite, type World } from "./support/world";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

describe("request ids", () => {
  test("a sane x-request-id is echoed; on errors too, and in the problem body", async () => {
    const ok = await call(healthRoute.GET, { path: "/api/v1/health", headers: { "x-request-id": "trace-42.a:b" } });
    expect(ok.headers.get("x-request-id")).toBe("trace-42.a:b");
    const refused = await call(teamsRoute.GET, { path: "/api/v1/teams", headers: { "x-request-id": "abc-123" } });
    expect(refused.headers.get("x-request-id")).toBe("abc-123");
    expect(problemOf(refused).requestId).toBe("abc-123");
    const auth = await signIn("nobody@example.com", "wrong password", freshAddress());
    expect(auth.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  test("an insane one (spaces, too long) is replaced by a new id", async () => {
    for (const given of ["has spaces", "x".repeat(200), "semi;colon", "<script>"]) {
      const answer = await call(healthRoute.GET, { path: "/api/v1/health", headers: { "x-request-id": given } });
      expect(answer.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("Better Auth's routes answer like ours", () => {
  test("a failed sign-in is a 401 problem", async () => {
    const answer = await signIn(w.member.email, "wrong password");
    expect(answer.status).toBe(401);
    expect(problemOf(answer).type).toBe("urn:quorum:problem:unauthenticated");
  });

  test("only the routes Quorum uses are open: the plugin's own team routes answer 404", async () => {
    const before = await snapshot();
    for (const path of ["/api/v1/auth/organization/create", "/api/v1/auth/organization/invite-member", "/api/v1/auth/delete-user", "/api/v1/auth/update-user", "/api/v1/auth/nope"]) {
      const answer = await call(authRoute.POST, { path, body: { name: "x", slug: "x", email: "a@example.com", role: "owner" }, session: w.admin });
      expect(answer.status, path).toBe(404);
      expect(problemOf(answer).type).toBe("urn:quorum:problem:not-found");
    }
    expect(await snapshot()).toEqual(before);
  });

  test("the wrong method is a 405 problem with Allow", async () => {
    const answer = await call(authRoute.GET, { path: "/api/v1/auth/sign-in/email" });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("POST");
    problemOf(answer);
  });

  test("session cookies are HttpOnly and SameSite=Lax (and not Secure over plain http)", async () => {
    const answer = await signIn(w.member.email, PASSWORD);
    const cookie = answer.headers.getSetCookie().find((c) => c.startsWith("quorum.session_token="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });
});

describe("state-changing requests from another origin are refused", () => {
  test("on our routes and on Better Auth's, and nothing changes", async () => {
    const before = await snapshot();
    const evil = { origin: "https://evil.example" };
    const attempts = [
      await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Evil" }, session: w.admin, ...evil }),
      await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Evil" }, session: w.admin, origin: null }),
      await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Evil" }, session: w.admin, origin: null, headers: { referer: "https://evil.example/page" } }),
      await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Evil" }, session: w.admin, headers: { "sec-fetch-site": "cross-site" } }),
      await call(authRoute.POST, { path: "/api/v1/auth/sign-out", body: {}, session: w.admin, ...evil }),
      await call(authRoute.POST, { path: "/api/v1/auth/sign-in/email", body: { email: w.member.email, password: PASSWORD }, ...evil }),
      await call(authRoute.POST, { path: "/api/v1/auth/change-password", body: { currentPassword: PASSWORD, newPassword: "a brand new secret" }, session: w.member, ...evil }),
    ];
    for (const answer of attempts) {
      expect(answer.status, answer.text).toBe(403);
      expect(problemOf(answer).type).toBe("urn:quorum:problem:cross-origin");
    }
    expect(await snapshot()).toEqual(before);
  });

  test("the same origin passes, and so does a request that carries no cookie and no origin (not a browser)", async () => {
    const same = await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Same" }, session: w.admin });
    expect(same.status).toBe(201);
    const plain = await call(authRoute.POST, { path: "/api/v1/auth/sign-in/email", body: { email: w.member.email, password: PASSWORD }, origin: null });
    expect(plain.status).toBe(200);
  });
});

describe("rate limits: 429, Retry-After, a problem body; counted in the database", () => {
  test("sign-in, per client address", async () => {
    const address = freshAddress();
    const answers = [];
    for (let i = 0; i <= RATE_LIMITS.signInPerAddress.max; i++) answers.push(await signIn(`probe${i}@example.com`, "wrong password", address));
    expect(answers.slice(0, -1).every((a) => a.status === 401)).toBe(true);
    const limited = answers.at(-1)!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(problemOf(limited).type).toBe("urn:quorum:problem:rate-limited");
  });

  test("sign-in, per email address, whatever the client address", async () => {
    const target = await signUp("Tia Target");
    const answers = [];
    for (let i = 0; i <= RATE_LIMITS.signInPerEmail.max; i++) answers.push(await signIn(target.email, "guess " + i, freshAddress()));
    expect(answers.at(-2)!.status).toBe(401);
    const limited = answers.at(-1)!;
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(60);
    problemOf(limited);
  });

  test("sign-up, per client address", async () => {
    const address = freshAddress();
    let last;
    for (let i = 0; i <= RATE_LIMITS.signUpPerAddress.max; i++) {
      last = await call(authRoute.POST, { path: "/api/v1/auth/sign-up/email", body: { name: "Bot", email: `bot${i}@example.com`, password: PASSWORD }, headers: { "x-forwarded-for": address } });
      if (i < RATE_LIMITS.signUpPerAddress.max) expect(last.status).toBe(200);
    }
    expect(last!.status).toBe(429);
    expect(last!.headers.get("retry-after")).toMatch(/^\d+$/);
    problemOf(last!);
  });

  test("invitations, per inviting user", async () => {
    let last;
    for (let i = 0; i <= RATE_LIMITS.invitationsPerUser.max; i++) {
      last = await call(invitationsRoute.POST, { path: "/x", params: { teamId: w.alpha }, body: { email: `guest${i}@example.com`, role: "member" }, session: w.lead });
      if (i < RATE_LIMITS.invitationsPerUser.max) expect(last.status, last.text).toBe(201);
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(problemOf(last!).type).toBe("urn:quorum:problem:rate-limited");
  });
});

describe("health and readiness", () => {
  test("/health is 200 without touching anything; /ready says the database is there and migrated", async () => {
    const health = await call(healthRoute.GET, { path: "/api/v1/health" });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: "ok" });
    const ready = await call(readyRoute.GET, { path: "/api/v1/ready" });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: "ready", migrations: (await readJournal()).length });
  });
});

describe("logs", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    process.env.QUORUM_LOG_LEVEL = "silent";
  });

  test("one JSON line per request, with id, method, path, status, duration and user; no secrets", async () => {
    process.env.QUORUM_LOG_LEVEL = "info";
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const { id } = await invite(w.admin, w.alpha, "logged@example.com", "member");
    await call(invitationRoute.GET, { path: `/api/v1/invitations/${id}`, params: { token: id }, headers: { "x-request-id": "log-test-1" } });
    await signIn(w.member.email, PASSWORD);
    const entries = lines.map((line) => z.record(z.string(), z.unknown()).parse(JSON.parse(line)));
    const requests = entries.filter((e) => e.msg === "request");
    expect(requests).toHaveLength(3);
    for (const entry of requests) {
      expect(entry).toEqual(expect.objectContaining({ level: "info", requestId: expect.any(String), method: expect.any(String), path: expect.any(String), status: expect.any(Number), durationMs: expect.any(Number) }));
    }
    expect(requests[0]).toMatchObject({ method: "POST", path: `/api/v1/teams/${w.alpha}/invitations`, status: 201, userId: w.admin.userId });
    expect(requests[1]).toMatchObject({ requestId: "log-test-1", path: "/api/v1/invitations/:token", status: 200 });
    expect(requests[2]).toMatchObject({ path: "/api/v1/auth/sign-in/email", status: 200, userId: w.member.userId });
    const all = lines.join("");
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(id);
    expect(all).not.toMatch(/session_token/);
  });
});
