/**
 * Bad input of every kind, from a user who is otherwise allowed: malformed JSON, wrong types,
 * a body too large, the wrong content type. Each gets a problem answer and changes nothing.
 */
import { beforeAll, describe, expect, test } from "vitest";
import * as accountRoute from "@/app/api/v1/account/route";
import * as authRoute from "@/app/api/v1/auth/[...all]/route";
import * as setupRoute from "@/app/api/v1/setup/route";
import * as invitationsRoute from "@/app/api/v1/teams/[teamId]/invitations/route";
import * as memberRoute from "@/app/api/v1/teams/[teamId]/members/[memberId]/route";
import * as teamRoute from "@/app/api/v1/teams/[teamId]/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import { type Answer, call, type CallOptions, problemOf } from "./support/api";
import { snapshot } from "./support/db";
import { buildWorld, type World } from "./support/world";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

type Handler = Parameters<typeof call>[0];
interface Target {
  name: string;
  handler: Handler;
  options: () => Omit<CallOptions, "body" | "raw">;
  wrongTypes: unknown;
}

const targets = (): Target[] => [
  { name: "POST /setup", handler: setupRoute.POST, options: () => ({ path: "/api/v1/setup" }), wrongTypes: { name: 42, email: ["a"], password: null } },
  { name: "POST /teams", handler: teamsRoute.POST, options: () => ({ path: "/api/v1/teams", session: w.admin }), wrongTypes: { name: { first: "x" } } },
  {
    name: "POST /teams/:id/invitations",
    handler: invitationsRoute.POST,
    options: () => ({ path: "/x", params: { teamId: w.alpha }, session: w.admin }),
    wrongTypes: { email: "not an email", role: "emperor" },
  },
  {
    name: "PATCH /teams/:id",
    handler: teamRoute.PATCH,
    options: () => ({ method: "PATCH", path: "/x", params: { teamId: w.alpha }, session: w.admin }),
    wrongTypes: { timeZone: "Mars/Olympus_Mons" },
  },
  {
    name: "PATCH /teams/:id/members/:id",
    handler: memberRoute.PATCH,
    options: () => ({ method: "PATCH", path: "/x", params: { teamId: w.alpha, memberId: w.memberMemberId }, session: w.admin }),
    wrongTypes: { role: 3 },
  },
  { name: "DELETE /account", handler: accountRoute.DELETE, options: () => ({ method: "DELETE", path: "/api/v1/account", session: w.member }), wrongTypes: { password: 12345 } },
  {
    name: "POST /auth/sign-in/email",
    handler: authRoute.POST,
    options: () => ({ path: "/api/v1/auth/sign-in/email" }),
    wrongTypes: { email: 1, password: false },
  },
];

async function expectUnchanged(send: () => Promise<Answer>, status: number, type: string) {
  const before = await snapshot();
  const answer = await send();
  expect(answer.status, answer.text).toBe(status);
  expect(problemOf(answer).type).toBe(`urn:quorum:problem:${type}`);
  expect(await snapshot()).toEqual(before);
  return answer;
}

describe.each(targets().map((t) => [t.name, t] as const))("%s", (_name, target) => {
  const send = (extra: Partial<CallOptions>) => () => call(target.handler, { ...target.options(), ...extra });

  test("malformed JSON: 400", async () => {
    await expectUnchanged(send({ raw: '{"name": "x",', headers: { "content-type": "application/json" } }), 400, "malformed-request");
  });

  test("wrong types: 400 with the invalid fields", async () => {
    const answer = await expectUnchanged(send({ body: target.wrongTypes }), 400, "validation-failed");
    expect(problemOf(answer).detail.length).toBeGreaterThan(5);
  });

  test("too large: 413", async () => {
    await expectUnchanged(send({ raw: JSON.stringify({ name: "x".repeat(40_000) }), headers: { "content-type": "application/json" } }), 413, "payload-too-large");
  });

  test("not JSON: 415", async () => {
    await expectUnchanged(send({ raw: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415, "unsupported-media-type");
  });
});

test("a body too large without a Content-Length (streamed) is cut off at the limit", async () => {
  const chunk = new TextEncoder().encode("x".repeat(8_192));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += 1;
      if (sent > 100) controller.close();
      else controller.enqueue(chunk);
    },
  });
  const before = await snapshot();
  // Node's fetch needs duplex "half" to send a stream; the DOM RequestInit type does not know it yet.
  const init: RequestInit & { duplex: "half" } = {
    method: "POST",
    headers: { "content-type": "application/json", cookie: w.admin.cookie, origin: "http://localhost:3000" },
    body: stream,
    duplex: "half",
  };
  const req = new Request("http://localhost:3000/api/v1/teams", init);
  const response = await teamsRoute.POST(req);
  expect(response.status).toBe(413);
  // It stopped reading soon after the limit: far from all 100 chunks.
  expect(sent).toBeLessThan(10);
  expect(await snapshot()).toEqual(before);
});
