/**
 * Behind https (BETTER_AUTH_URL=https://...), session cookies are Secure (and carry the
 * __Secure- prefix), the configured origin is trusted, and sessions work with them.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import * as authRoute from "@/app/api/v1/auth/[...all]/route";
import * as sessionRoute from "@/app/api/v1/session/route";
import { resetAuthForTests } from "@/lib/server/auth/auth";
import { call, cookieFrom, PASSWORD, setupAdmin } from "./support/api";

const PUBLIC_URL = "https://quorum.example.com";

beforeAll(() => {
  process.env.BETTER_AUTH_URL = PUBLIC_URL;
  resetAuthForTests();
});
afterAll(() => {
  delete process.env.BETTER_AUTH_URL;
  resetAuthForTests();
});

test("the session cookie is Secure, HttpOnly and SameSite=Lax, and it works", async () => {
  const admin = await setupAdmin();
  const answer = await call(authRoute.POST, {
    path: "/api/v1/auth/sign-in/email",
    body: { email: admin.email, password: PASSWORD },
    origin: PUBLIC_URL,
  });
  expect(answer.status, answer.text).toBe(200);
  const cookie = answer.headers.getSetCookie().find((c) => c.startsWith("__Secure-quorum.session_token="));
  // The signed-in hint (readable by scripts) is Secure behind https too.
  expect(answer.headers.getSetCookie().find((c) => c.startsWith("quorum-signed-in="))).toMatch(/^quorum-signed-in=1;.*; Secure$/);
  expect(cookie).toMatch(/; Secure/i);
  expect(cookie).toMatch(/HttpOnly/i);
  expect(cookie).toMatch(/SameSite=Lax/i);
  const who = await call(sessionRoute.GET, { path: "/api/v1/session", session: { cookie: cookieFrom(answer) } });
  expect(who.body).toMatchObject({ user: { id: admin.userId } });
});
