/**
 * Certificates: issued only when the server's synced facts complete the track, one per person
 * and track, verifiable signed out at an unguessable id, gone with the account. Refusals
 * (anonymous, a track not assigned, a draft, incomplete, a guessed id) change nothing.
 */
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";
import * as accountRoute from "@/app/api/v1/account/route";
import * as exportRoute from "@/app/api/v1/account/export/route";
import * as certificateRoute from "@/app/api/v1/certificates/[certificateId]/route";
import * as certificatesRoute from "@/app/api/v1/certificates/route";
import * as dashboardRoute from "@/app/api/v1/teams/[teamId]/dashboard/route";
import { newCertificateId } from "@/lib/server/certificates/repository";
import { type Answer, call, PASSWORD, problemOf, type Session, signUp } from "./support/api";
import { snapshot } from "./support/db";
import { factsCompleting, insertTeamTrack, syncFacts } from "./support/progress";
import { buildWorld, join, type World } from "./support/world";

let w: World;
let teamTrack: string;
let draftTrack: string;
let betaTrack: string;
let leaver: Session;
const LESSONS = ["system-architecture", "fault-tolerance", "observability"];
const BUILT_IN = ["system-architecture", "communication-patterns", "fault-tolerance", "data-consistency", "observability", "deployment", "collaboration", "documentation"];

const certificateSchema = z.object({
  id: z.string(),
  holderName: z.string(),
  trackTitle: z.string(),
  passMark: z.number(),
  completedAt: z.string(),
  steps: z.array(z.object({ position: z.number(), title: z.string(), bestPercent: z.number().nullable() })),
  url: z.string(),
});
const issued = z.object({ certificate: certificateSchema });

beforeAll(async () => {
  w = await buildWorld();
  leaver = await signUp("Lee Leaver");
  const leaverMemberId = await join(w.admin, w.alpha, leaver, "member");
  teamTrack = await insertTeamTrack({ teamId: w.alpha, title: "Alpha onboarding", lessons: LESSONS, passMark: 90, memberIds: [w.memberMemberId, leaverMemberId] });
  draftTrack = await insertTeamTrack({ teamId: w.alpha, title: "Draft", lessons: LESSONS, status: "draft", memberIds: [w.memberMemberId] });
  betaTrack = await insertTeamTrack({ teamId: w.beta, title: "Beta track", lessons: LESSONS, wholeTeam: true });
  await syncFacts(leaver.userId, await factsCompleting(LESSONS, 10));
  await syncFacts(w.outsider.userId, await factsCompleting(LESSONS, 10));
});

const request = (as: Session | { cookie: string } | undefined, track: unknown) => call(certificatesRoute.POST, { path: "/api/v1/certificates", body: { track }, session: as });
const verify = (id: string, as?: Session) => call(certificateRoute.GET, { path: `/api/v1/certificates/${id}`, params: { certificateId: id }, session: as });

async function expectRefused(send: () => Promise<Answer>, status: number, type: string) {
  const before = await snapshot();
  const answer = await send();
  expect(answer.status, answer.text).toBe(status);
  expect(problemOf(answer).type).toBe(`urn:quorum:problem:${type}`);
  expect(await snapshot()).toEqual(before);
  return answer;
}

describe("issuing", () => {
  test("refuses a track that is not complete on the server, naming what is left (409), and stores nothing", async () => {
    // 8 of 10 is under this track's 90% pass mark: the quiz steps are not done.
    await syncFacts(w.member.userId, await factsCompleting(LESSONS, 8));
    const answer = await expectRefused(() => request(w.member, { kind: "team", trackId: teamTrack }), 409, "track-incomplete");
    expect(problemOf(answer).detail).toMatch(/3 of 3 steps are not done yet.*90%/);
    expect((answer.body as { remaining: unknown[] }).remaining).toHaveLength(3);
  });

  test("issues once the synced facts complete it: name, track, date, per-step scores, a 256-bit id; asking again gives the same one", async () => {
    await syncFacts(w.member.userId, await factsCompleting(LESSONS, 9));
    const first = await request(w.member, { kind: "team", trackId: teamTrack });
    expect(first.status, first.text).toBe(201);
    const { certificate } = issued.parse(first.body);
    expect(certificate).toMatchObject({ holderName: "Mo Member", trackTitle: "Alpha onboarding", passMark: 90, url: `/certificates/${certificate.id}` });
    expect(certificate.steps.map((s) => s.bestPercent)).toEqual([90, 90, 90]);
    expect(certificate.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await request(w.member, { kind: "team", trackId: teamTrack });
    expect(again.status).toBe(200);
    expect(issued.parse(again.body).certificate.id).toBe(certificate.id);
  });

  test("a built-in track, from the synced facts", async () => {
    const before = await request(w.lead, { kind: "built-in", trackId: "first-two-weeks" });
    expect(before.status).toBe(409);
    await syncFacts(w.lead.userId, await factsCompleting(BUILT_IN, 10));
    const answer = await request(w.lead, { kind: "built-in", trackId: "first-two-weeks" });
    expect(answer.status, answer.text).toBe(201);
    expect(issued.parse(answer.body).certificate.steps).toHaveLength(BUILT_IN.length);
  });

  test("ids are random: two certificates never share one, and nothing about them is sequential", () => {
    const ids = new Set(Array.from({ length: 1000 }, newCertificateId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(Buffer.from(id, "base64url")).toHaveLength(32);
  });
});

describe("refusals", () => {
  const cases = (): [string, () => Promise<Answer>, number, string][] => [
    ["anonymous", () => request(undefined, { kind: "team", trackId: teamTrack }), 401, "unauthenticated"],
    ["a member of another team asks for Alpha's track, complete in their facts", () => request(w.outsider, { kind: "team", trackId: teamTrack }), 404, "not-found"],
    ["a member of the team it is not assigned to", () => request(w.lead, { kind: "team", trackId: teamTrack }), 404, "not-found"],
    ["a draft track, even if assigned", () => request(w.member, { kind: "team", trackId: draftTrack }), 404, "not-found"],
    ["a track id that does not exist", () => request(w.member, { kind: "team", trackId: "no-such-track" }), 404, "not-found"],
    ["a built-in track that does not exist", () => request(w.member, { kind: "built-in", trackId: "no-such-track" }), 404, "not-found"],
    ["a malformed body", () => request(w.member, { kind: "team" }), 400, "validation-failed"],
    ["an extra field (a client cannot claim completion)", () => call(certificatesRoute.POST, { path: "/x", body: { track: { kind: "team", trackId: teamTrack }, complete: true }, session: w.lead }), 400, "validation-failed"],
    ["an oversized body", () => call(certificatesRoute.POST, { path: "/x", body: { track: { kind: "team", trackId: "x".repeat(5000) } }, session: w.member }), 413, "payload-too-large"],
  ];
  test.each(cases())("%s", async (_name, send, status, type) => {
    await expectRefused(send, status, type);
  });

  test("the outsider's own team track works for them, so the refusal above was about the team", async () => {
    expect((await request(w.outsider, { kind: "team", trackId: betaTrack })).status).toBe(201);
  });
});

describe("verification", () => {
  test("anyone, signed out, reads a genuine certificate; a guessed or malformed id is simply not found", async () => {
    const mine = issued.parse((await request(w.member, { kind: "team", trackId: teamTrack })).body).certificate;
    const answer = await verify(mine.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ genuine: true, certificate: { id: mine.id, holderName: "Mo Member", trackTitle: "Alpha onboarding" } });
    expect(answer.text).not.toContain(w.member.userId);
    for (const guess of [newCertificateId(), mine.id.slice(0, -1) + (mine.id.endsWith("A") ? "B" : "A"), "1", "../../etc/passwd"]) {
      await expectRefused(() => verify(guess), 404, "not-found");
    }
  });

  test("leads see who holds a certificate for the team's tracks", async () => {
    const answer = await call(dashboardRoute.GET, { path: `/api/v1/teams/${w.alpha}/dashboard`, params: { teamId: w.alpha }, session: w.lead });
    const held = z.object({ certificates: z.array(z.looseObject({ userId: z.string(), trackId: z.string() })) }).parse(answer.body).certificates;
    expect(held).toEqual([{ userId: w.member.userId, trackId: teamTrack, certificateId: expect.any(String), issuedAt: expect.any(Number) }]);
  });

  test("a deleted account's certificates stop verifying, and are in its data export until then", async () => {
    const { certificate } = issued.parse((await request(leaver, { kind: "team", trackId: teamTrack })).body);
    expect((await verify(certificate.id)).status).toBe(200);
    const exported = await call(exportRoute.GET, { path: "/api/v1/account/export", session: leaver });
    expect(exported.body).toMatchObject({ certificates: [{ id: certificate.id, trackTitle: "Alpha onboarding" }] });
    const deleted = await call(accountRoute.DELETE, { method: "DELETE", path: "/api/v1/account", body: { password: PASSWORD }, session: leaver });
    expect(deleted.status, deleted.text).toBeLessThan(300);
    expect((await verify(certificate.id)).status).toBe(404);
  });
});
