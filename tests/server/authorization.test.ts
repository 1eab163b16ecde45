/**
 * Every endpoint refuses whoever may not use it: anonymous, an expired or forged session, a
 * member of another team, a plain member where a lead or owner is needed, someone else's ids.
 * Each refusal has the right status and a problem body, shows nothing, and changes nothing.
 */
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";
import * as accountRoute from "@/app/api/v1/account/route";
import * as exportRoute from "@/app/api/v1/account/export/route";
import * as acceptRoute from "@/app/api/v1/invitations/[token]/accept/route";
import * as invitationRoute from "@/app/api/v1/invitations/[token]/route";
import * as sessionRoute from "@/app/api/v1/session/route";
import * as teamRoute from "@/app/api/v1/teams/[teamId]/route";
import * as revokeRoute from "@/app/api/v1/teams/[teamId]/invitations/[invitationId]/route";
import * as invitationsRoute from "@/app/api/v1/teams/[teamId]/invitations/route";
import * as memberRoute from "@/app/api/v1/teams/[teamId]/members/[memberId]/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import { type Answer, call, PASSWORD, problemOf, type Session, signUp } from "./support/api";
import { snapshot } from "./support/db";
import { buildWorld, expiredSessionOf, forgedSessionOf, invite, type World } from "./support/world";

let w: World;
let expired: { cookie: string };
let forged: { cookie: string };
/** A pending invitation of Alpha (for an address nobody has), and one of Beta (for the stranger). */
let alphaInvitation: string;
let betaInvitation: string;
let stranger: Session;

beforeAll(async () => {
  w = await buildWorld();
  expired = await expiredSessionOf(w.lead);
  forged = forgedSessionOf(w.lead);
  stranger = await signUp("Sam Stranger");
  alphaInvitation = (await invite(w.admin, w.alpha, "someone@example.com", "member")).id;
  betaInvitation = (await invite(w.admin, w.beta, stranger.email, "member")).id;
});

type Credential = { cookie: string } | undefined;
interface Endpoint {
  name: string;
  send: (as: Credential) => Promise<Answer>;
}

const endpoints = (): Endpoint[] => [
  { name: "GET /teams", send: (as) => call(teamsRoute.GET, { path: "/api/v1/teams", session: as }) },
  { name: "POST /teams", send: (as) => call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Gamma" }, session: as }) },
  { name: "GET /teams/:id", send: (as) => call(teamRoute.GET, { path: `/api/v1/teams/${w.alpha}`, params: { teamId: w.alpha }, session: as }) },
  {
    name: "PATCH /teams/:id",
    send: (as) => call(teamRoute.PATCH, { method: "PATCH", path: `/api/v1/teams/${w.alpha}`, params: { teamId: w.alpha }, body: { timeZone: "Asia/Tokyo" }, session: as }),
  },
  {
    name: "POST /teams/:id/invitations",
    send: (as) => call(invitationsRoute.POST, { path: `/api/v1/teams/${w.alpha}/invitations`, params: { teamId: w.alpha }, body: { email: "new@example.com", role: "member" }, session: as }),
  },
  {
    name: "DELETE /teams/:id/invitations/:id",
    send: (as) =>
      call(revokeRoute.DELETE, { method: "DELETE", path: `/api/v1/teams/${w.alpha}/invitations/${alphaInvitation}`, params: { teamId: w.alpha, invitationId: alphaInvitation }, session: as }),
  },
  {
    name: "PATCH /teams/:id/members/:id",
    send: (as) =>
      call(memberRoute.PATCH, { method: "PATCH", path: `/api/v1/teams/${w.alpha}/members/${w.memberMemberId}`, params: { teamId: w.alpha, memberId: w.memberMemberId }, body: { role: "lead" }, session: as }),
  },
  {
    name: "DELETE /teams/:id/members/:id",
    send: (as) =>
      call(memberRoute.DELETE, { method: "DELETE", path: `/api/v1/teams/${w.alpha}/members/${w.memberMemberId}`, params: { teamId: w.alpha, memberId: w.memberMemberId }, session: as }),
  },
  {
    name: "POST /invitations/:token/accept",
    send: (as) => call(acceptRoute.POST, { path: `/api/v1/invitations/${betaInvitation}/accept`, params: { token: betaInvitation }, session: as }),
  },
  { name: "GET /account/export", send: (as) => call(exportRoute.GET, { path: "/api/v1/account/export", session: as }) },
  { name: "DELETE /account", send: (as) => call(accountRoute.DELETE, { method: "DELETE", path: "/api/v1/account", body: { password: PASSWORD }, session: as }) },
];

async function expectRefused(answer: Promise<Answer>, status: number, type: string) {
  const before = await snapshot();
  const result = await answer;
  expect(result.status, result.text).toBe(status);
  expect(problemOf(result).type).toBe(`urn:quorum:problem:${type}`);
  // Nothing read: the answer is the problem and nothing else of ours.
  expect(result.text).not.toMatch(/Alpha|Beta|@example\.com/);
  expect(await snapshot()).toEqual(before);
}

describe("without a valid session, every endpoint answers 401 and changes nothing", () => {
  for (const who of ["anonymous", "forged", "expired"] as const) {
    test.each(endpoints().map((e) => [e.name, e] as const))(`${who}: %s`, async (_name, endpoint) => {
      const as = who === "anonymous" ? undefined : who === "forged" ? forged : expired;
      const before = await snapshot();
      const result = await endpoint.send(as);
      expect(result.status, result.text).toBe(401);
      expect(problemOf(result).type).toBe("urn:quorum:problem:unauthenticated");
      expect(await snapshot()).toEqual(before);
    });
  }

  test("GET /session says nobody is signed in (200, so an anonymous page logs no error)", async () => {
    for (const as of [undefined, forged, expired]) {
      const answer = await call(sessionRoute.GET, { path: "/api/v1/session", session: as });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ user: null });
    }
  });
});

describe("a member of another team cannot see or touch this team (404: it does not exist for them)", () => {
  const cases = (): [string, () => Promise<Answer>][] => [
    ["GET /teams/:id", () => call(teamRoute.GET, { path: `/api/v1/teams/${w.alpha}`, params: { teamId: w.alpha }, session: w.outsider })],
    ["PATCH /teams/:id", () => call(teamRoute.PATCH, { method: "PATCH", path: "/x", params: { teamId: w.alpha }, body: { timeZone: "Asia/Tokyo" }, session: w.outsider })],
    [
      "POST /teams/:id/invitations",
      () => call(invitationsRoute.POST, { path: `/api/v1/teams/${w.alpha}/invitations`, params: { teamId: w.alpha }, body: { email: "x@example.com", role: "member" }, session: w.outsider }),
    ],
    [
      "DELETE /teams/:id/invitations/:id",
      () => call(revokeRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, invitationId: alphaInvitation }, session: w.outsider }),
    ],
    [
      "PATCH /teams/:id/members/:id",
      () => call(memberRoute.PATCH, { method: "PATCH", path: "/x", params: { teamId: w.alpha, memberId: w.memberMemberId }, body: { role: "member" }, session: w.outsider }),
    ],
    ["DELETE /teams/:id/members/:id", () => call(memberRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, memberId: w.memberMemberId }, session: w.outsider })],
  ];
  test.each(cases())("%s", async (_name, send) => {
    await expectRefused(send(), 404, "not-found");
  });
});

describe("a plain member cannot do what needs a lead or an owner (403)", () => {
  const cases = (): [string, () => Promise<Answer>][] => [
    ["POST /teams (leads nothing)", () => call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Mine" }, session: w.member })],
    ["POST /teams (plain member of Beta)", () => call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Mine" }, session: w.outsider })],
    ["PATCH /teams/:id (the time zone)", () => call(teamRoute.PATCH, { method: "PATCH", path: "/x", params: { teamId: w.alpha }, body: { timeZone: "Asia/Tokyo" }, session: w.member })],
    [
      "POST /teams/:id/invitations",
      () => call(invitationsRoute.POST, { path: "/x", params: { teamId: w.alpha }, body: { email: "x@example.com", role: "member" }, session: w.member }),
    ],
    ["DELETE /teams/:id/invitations/:id", () => call(revokeRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, invitationId: alphaInvitation }, session: w.member })],
    [
      "PATCH /teams/:id/members/:id (own role up)",
      () => call(memberRoute.PATCH, { method: "PATCH", path: "/x", params: { teamId: w.alpha, memberId: w.memberMemberId }, body: { role: "lead" }, session: w.member }),
    ],
    ["DELETE /teams/:id/members/:id (the lead)", () => call(memberRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, memberId: w.leadMemberId }, session: w.member })],
  ];
  test.each(cases())("%s", async (_name, send) => {
    await expectRefused(send(), 403, "forbidden");
  });

  test("GET /teams/:id shows a plain member the team and its leads, no one else and no invitations", async () => {
    const answer = await call(teamRoute.GET, { path: "/x", params: { teamId: w.alpha }, session: w.member });
    expect(answer.status).toBe(200);
    const person = z.object({ userId: z.string() });
    const { team } = z
      .object({ team: z.object({ canManage: z.boolean(), members: z.array(person), invitations: z.array(z.unknown()), seenBy: z.array(person) }) })
      .parse(answer.body);
    expect(team.canManage).toBe(false);
    expect(team.invitations).toEqual([]);
    expect(team.members.map((m) => m.userId).sort()).toEqual([w.admin.userId, w.lead.userId, w.member.userId].sort());
    expect(team.seenBy.map((m) => m.userId).sort()).toEqual([w.admin.userId, w.lead.userId].sort());
    expect(answer.text).not.toContain("someone@example.com");
  });
});

describe("a lead cannot touch ownership (403), and a team keeps an owner (409)", () => {
  test("a lead cannot invite an owner", async () => {
    await expectRefused(call(invitationsRoute.POST, { path: "/x", params: { teamId: w.alpha }, body: { email: "boss@example.com", role: "owner" }, session: w.lead }), 403, "forbidden");
  });
  test("a lead cannot make someone an owner", async () => {
    await expectRefused(call(memberRoute.PATCH, { method: "PATCH", path: "/x", params: { teamId: w.alpha, memberId: w.memberMemberId }, body: { role: "owner" }, session: w.lead }), 403, "forbidden");
  });
  test("a lead cannot demote or remove the owner", async () => {
    await expectRefused(call(memberRoute.PATCH, { method: "PATCH", path: "/x", params: { teamId: w.alpha, memberId: w.adminAlphaMemberId }, body: { role: "member" }, session: w.lead }), 403, "forbidden");
    await expectRefused(call(memberRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, memberId: w.adminAlphaMemberId }, session: w.lead }), 403, "forbidden");
  });
  test("the only owner can neither demote themselves nor leave", async () => {
    await expectRefused(call(memberRoute.PATCH, { method: "PATCH", path: "/x", params: { teamId: w.alpha, memberId: w.adminAlphaMemberId }, body: { role: "lead" }, session: w.admin }), 409, "conflict");
    await expectRefused(call(memberRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, memberId: w.adminAlphaMemberId }, session: w.admin }), 409, "conflict");
  });
});

describe("someone else's ids: an object of another team, under this team's address, does not exist", () => {
  test("revoking Beta's invitation through Alpha", async () => {
    await expectRefused(call(revokeRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, invitationId: betaInvitation }, session: w.admin }), 404, "not-found");
  });
  test("changing the role of Beta's member through Alpha", async () => {
    await expectRefused(
      call(memberRoute.PATCH, { method: "PATCH", path: "/x", params: { teamId: w.alpha, memberId: w.outsiderBetaMemberId }, body: { role: "lead" }, session: w.lead }),
      404,
      "not-found",
    );
  });
  test("removing Beta's member through Alpha", async () => {
    await expectRefused(call(memberRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, memberId: w.outsiderBetaMemberId }, session: w.lead }), 404, "not-found");
  });
  test("accepting an invitation sent to another address", async () => {
    await expectRefused(call(acceptRoute.POST, { path: "/x", params: { token: betaInvitation }, session: w.member }), 403, "forbidden");
  });
  test("a made-up team id, invitation token or member id", async () => {
    await expectRefused(call(teamRoute.GET, { path: "/x", params: { teamId: "nosuchteam0000000000000000000000" }, session: w.admin }), 404, "not-found");
    await expectRefused(call(teamRoute.GET, { path: "/x", params: { teamId: "../../etc" }, session: w.admin }), 404, "not-found");
    await expectRefused(call(invitationRoute.GET, { path: "/x", params: { token: "nosuchtoken00000000000000000000" } }), 404, "not-found");
    await expectRefused(call(acceptRoute.POST, { path: "/x", params: { token: "nosuchtoken00000000000000000000" }, session: w.member }), 404, "not-found");
    await expectRefused(call(memberRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, memberId: "nosuchmember000000000000000000" }, session: w.admin }), 404, "not-found");
  });
});

describe("what is allowed works", () => {
  test("a lead creates a team; a lead invites a member and revokes the invitation", async () => {
    const created = await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Lena's team" }, session: w.lead });
    expect(created.status).toBe(201);
    const invited = await call(invitationsRoute.POST, { path: "/x", params: { teamId: w.alpha }, body: { email: "Newbie@Example.com", role: "member" }, session: w.lead });
    expect(invited.status).toBe(201);
    const invitation = z.object({ invitation: z.object({ id: z.string(), email: z.string(), link: z.string() }), emailed: z.boolean() }).parse(invited.body);
    expect(invitation.invitation.email).toBe("newbie@example.com");
    expect(invitation.invitation.link).toBe(`http://localhost:3000/invite/${invitation.invitation.id}`);
    expect(invitation.invitation.id).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(invitation.emailed).toBe(false);
    const revoked = await call(revokeRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, invitationId: invitation.invitation.id }, session: w.lead });
    expect(revoked.status).toBe(200);
    const again = await call(revokeRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, invitationId: invitation.invitation.id }, session: w.lead });
    expect(again.status).toBe(409);
  });

  test("an invitation is single use, and a revoked one cannot be accepted", async () => {
    const newcomer = await signUp("Nia Newcomer");
    const first = await invite(w.admin, w.alpha, newcomer.email, "member");
    const lookup = await call(invitationRoute.GET, { path: "/x", params: { token: first.id } });
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ invitation: { teamName: "Alpha", email: newcomer.email, role: "member", status: "pending" } });
    const accepted = await call(acceptRoute.POST, { path: "/x", params: { token: first.id }, session: newcomer });
    expect(accepted.status).toBe(200);
    await expectRefused(call(acceptRoute.POST, { path: "/x", params: { token: first.id }, session: newcomer }), 409, "conflict");

    const late = await signUp("Lee Late");
    const second = await invite(w.admin, w.alpha, late.email, "member");
    await call(revokeRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.alpha, invitationId: second.id }, session: w.admin });
    await expectRefused(call(acceptRoute.POST, { path: "/x", params: { token: second.id }, session: late }), 409, "conflict");
  });

  test("an owner changes a role; a plain member leaves", async () => {
    const promoted = await call(memberRoute.PATCH, { method: "PATCH", path: "/x", params: { teamId: w.beta, memberId: w.outsiderBetaMemberId }, body: { role: "lead" }, session: w.admin });
    expect(promoted.status).toBe(200);
    const teams = await call(teamsRoute.GET, { path: "/api/v1/teams", session: w.outsider });
    expect(teams.body).toMatchObject({ canCreate: true, teams: [{ name: "Beta", role: "lead" }] });
    const left = await call(memberRoute.DELETE, { method: "DELETE", path: "/x", params: { teamId: w.beta, memberId: w.outsiderBetaMemberId }, session: w.outsider });
    expect(left.status).toBe(200);
    expect(left.body).toEqual({ removed: true, left: true });
    const after = await call(teamRoute.GET, { path: "/x", params: { teamId: w.beta }, session: w.outsider });
    expect(after.status).toBe(404);
  });
});
