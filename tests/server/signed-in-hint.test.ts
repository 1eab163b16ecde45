/** The `quorum-signed-in` hint follows the session cookie: set on sign-up, sign-in and setup, cleared on sign-out. */
import { expect, test } from "vitest";
import * as authRoute from "@/app/api/v1/auth/[...all]/route";
import * as setupRoute from "@/app/api/v1/setup/route";
import { type Answer, call, PASSWORD, signIn } from "./support/api";

const hintOf = (answer: Answer) => answer.headers.getSetCookie().find((c) => c.startsWith("quorum-signed-in="));

test("set with the session's lifetime when a session starts, cleared when it ends, absent on a refusal", async () => {
  const setup = await call(setupRoute.POST, { path: "/api/v1/setup", body: { name: "Ada", email: "ada.hint@example.com", password: PASSWORD } });
  expect(setup.status).toBe(201);
  expect(hintOf(setup)).toMatch(/^quorum-signed-in=1; Path=\/; SameSite=Lax; (Max-Age=\d+|Expires=.+)$/i);
  expect(hintOf(setup)).not.toMatch(/HttpOnly/i);

  const signUp = await call(authRoute.POST, { path: "/api/v1/auth/sign-up/email", body: { name: "Lin", email: "lin.hint@example.com", password: PASSWORD } });
  expect(signUp.status).toBe(200);
  expect(hintOf(signUp)).toMatch(/^quorum-signed-in=1;/);

  const wrong = await signIn("lin.hint@example.com", "not the password");
  expect(wrong.status).toBe(401);
  expect(hintOf(wrong)).toBeUndefined();

  const signedIn = await signIn("lin.hint@example.com", PASSWORD);
  expect(hintOf(signedIn)).toMatch(/^quorum-signed-in=1;/);
  const cookie = signedIn.headers.getSetCookie().map((c) => c.split(";")[0] ?? "").filter((c) => !c.startsWith("quorum-signed-in")).join("; ");
  const out = await call(authRoute.POST, { path: "/api/v1/auth/sign-out", body: {}, session: { cookie } });
  expect(out.status).toBe(200);
  expect(hintOf(out)).toMatch(/^quorum-signed-in=; Path=\/;.*Max-Age=0/);
});
