/**
 * Two app processes on different ports serving one PostgreSQL database at once: both are ready,
 * an account made through one signs in through the other, and a session made by one is valid on
 * the other (the generated auth secret lives in the database, so they share it).
 */
import { expect, test } from "vitest";
import { PASSWORD } from "../support/api";
import { startApp } from "../support/app-process";

async function post(base: string, path: string, body: unknown, cookie?: string) {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const setCookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { status: response.status, text: await response.text(), cookie: setCookie };
}

test("two instances, one database", async () => {
  const [a, b] = await Promise.all([startApp(), startApp()]);
  try {
    expect(a.port).not.toBe(b.port);
    for (const app of [a, b]) expect((await fetch(`${app.url}/api/v1/ready`)).status).toBe(200);

    const setup = await post(a.url, "/api/v1/setup", { name: "Ada", email: "ada@example.com", password: PASSWORD });
    expect(setup.status, setup.text).toBe(201);
    // The setup is visible to the other instance at once: a second one is refused there.
    const again = await post(b.url, "/api/v1/setup", { name: "Bob", email: "bob@example.com", password: PASSWORD });
    expect(again.status).toBe(409);

    const signUp = await post(a.url, "/api/v1/auth/sign-up/email", { name: "Lin", email: "lin@example.com", password: PASSWORD });
    expect(signUp.status, signUp.text).toBe(200);
    const signIn = await post(b.url, "/api/v1/auth/sign-in/email", { email: "lin@example.com", password: PASSWORD });
    expect(signIn.status, signIn.text).toBe(200);

    // A's session cookie is valid on B.
    const session = await fetch(`${b.url}/api/v1/session`, { headers: { cookie: signUp.cookie } });
    expect(await session.json()).toMatchObject({ user: { name: "Lin" } });
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
  expect(await a.exited).toEqual({ code: 0, signal: null });
  expect(await b.exited).toEqual({ code: 0, signal: null });
});
