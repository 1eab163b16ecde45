import { describe, expect, test } from "vitest";
import * as authRoute from "@/app/api/v1/auth/[...all]/route";
import * as setupRoute from "@/app/api/v1/setup/route";
import { call, PASSWORD, problemOf, signIn, signUp } from "./support/api";
import { snapshot } from "./support/db";

describe("one-time setup", () => {
  test("before setup, public sign-up is refused and nothing is written", async () => {
    const before = await snapshot();
    const answer = await call(authRoute.POST, {
      path: "/api/v1/auth/sign-up/email",
      body: { name: "Early", email: "early@example.com", password: PASSWORD },
    });
    expect(answer.status).toBe(409);
    expect(problemOf(answer).type).toBe("urn:quorum:problem:setup-required");
    expect(await snapshot()).toEqual(before);
  });

  test("a bad setup body is refused field by field and claims nothing", async () => {
    const before = await snapshot();
    const answer = await call(setupRoute.POST, { path: "/api/v1/setup", body: { name: "", email: "nope", password: "short" } });
    expect(answer.status).toBe(400);
    const problem = problemOf(answer);
    expect(problem.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: "name" }), expect.objectContaining({ field: "email" }), expect.objectContaining({ field: "password" })]),
    );
    expect(await snapshot()).toEqual(before);
  });

  test("two concurrent setups make exactly one admin; later ones are refused", async () => {
    const attempts = await Promise.all(
      ["one", "two", "three"].map((n) =>
        call(setupRoute.POST, { path: "/api/v1/setup", body: { name: n, email: `${n}@example.com`, password: PASSWORD } }),
      ),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    for (const refused of attempts.filter((a) => a.status === 409)) expect(problemOf(refused).type).toBe("urn:quorum:problem:already-set-up");
    const snap = await snapshot();
    expect(snap.users).toHaveLength(1);
    expect(snap.instanceSettings?.some((row) => row.includes("admin_user_id"))).toBe(true);
    const again = await call(setupRoute.POST, { path: "/api/v1/setup", body: { name: "Late", email: "late@example.com", password: PASSWORD } });
    expect(again.status).toBe(409);
  });

  test("after setup, anyone can sign up and sign in", async () => {
    const learner = await signUp("Lin Learner");
    expect(learner.cookie).toMatch(/quorum\.session_token=/);
    const answer = await signIn(learner.email, PASSWORD);
    expect(answer.status).toBe(200);
    const wrong = await signIn(learner.email, "not the password");
    expect(wrong.status).toBe(401);
    expect(problemOf(wrong).detail).toMatch(/invalid/i);
  });
});
