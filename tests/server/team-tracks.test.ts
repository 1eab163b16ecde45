/**
 * Team tracks over HTTP: a lead builds, publishes, assigns and edits one; the member sees it and
 * what changed. Every request that must be refused is refused with the right problem and
 * changes nothing (docs/tracks.md, "Team tracks").
 */
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";
import * as exportRoute from "@/app/api/v1/account/export/route";
import * as meTracksRoute from "@/app/api/v1/me/tracks/route";
import * as seenRoute from "@/app/api/v1/me/tracks/[trackId]/seen/route";
import * as archiveRoute from "@/app/api/v1/teams/[teamId]/tracks/[trackId]/archive/route";
import * as assignmentsRoute from "@/app/api/v1/teams/[teamId]/tracks/[trackId]/assignments/route";
import * as publishRoute from "@/app/api/v1/teams/[teamId]/tracks/[trackId]/publish/route";
import * as trackRoute from "@/app/api/v1/teams/[teamId]/tracks/[trackId]/route";
import * as tracksRoute from "@/app/api/v1/teams/[teamId]/tracks/route";
import { type Answer, call, problemOf, type Session, signUp } from "./support/api";
import { snapshot } from "./support/db";
import { buildWorld, join, type World } from "./support/world";

let w: World;
/** A published Alpha track assigned to the member; a Beta track; an archived Alpha track. */
let alphaTrack: string;
let betaTrack: string;
let archivedTrack: string;

const content = {
  title: "Payments onboarding",
  summary: "What to read in your first two weeks.",
  passMark: 70,
  assessment: null,
  steps: [
    { lessonId: "system-architecture", due: { kind: "days", days: 2 }, note: "Find your way around first." },
    { lessonId: "fault-tolerance", due: { kind: "date", date: "2026-03-02" }, note: "" },
  ],
};

const trackView = z.object({
  track: z.object({ id: z.string(), title: z.string(), steps: z.array(z.object({ lessonId: z.string() })) }).loose(),
  status: z.enum(["draft", "published", "archived"]),
  revision: z.number(),
  wholeTeam: z.boolean(),
  memberIds: z.array(z.string()),
  assignedCount: z.number(),
});
const one = (a: Answer) => z.object({ track: trackView }).parse(a.body).track;

const p = (teamId: string, trackId?: string): Record<string, string> => (trackId ? { teamId, trackId } : { teamId });
const create = (as: Session | undefined, teamId: string, body: unknown = {}) => call(tracksRoute.POST, { path: "/x", params: p(teamId), body, session: as });
const update = (as: Session | undefined, teamId: string, trackId: string, body: unknown) => call(trackRoute.PUT, { method: "PUT", path: "/x", params: p(teamId, trackId), body, session: as });
const publish = (as: Session | undefined, teamId: string, trackId: string) => call(publishRoute.POST, { method: "POST", path: "/x", params: p(teamId, trackId), session: as });
const archive = (as: Session | undefined, teamId: string, trackId: string) => call(archiveRoute.POST, { method: "POST", path: "/x", params: p(teamId, trackId), session: as });
const assign = (as: Session | undefined, teamId: string, trackId: string, body: unknown) =>
  call(assignmentsRoute.PUT, { method: "PUT", path: "/x", params: p(teamId, trackId), body, session: as });
const myTracks = (as: Session | undefined) => call(meTracksRoute.GET, { path: "/api/v1/me/tracks", session: as });
const seen = (as: Session | undefined, trackId: string, revision: number) => call(seenRoute.POST, { path: "/x", params: { trackId }, body: { revision }, session: as });

const learnerView = z.object({
  tracks: z.array(z.object({ track: z.object({ id: z.string(), title: z.string() }).loose(), revision: z.number(), seenRevision: z.number().nullable(), changeSummary: z.array(z.string()), team: z.object({ name: z.string() }) }).loose()),
});

async function ok(answer: Promise<Answer>, status = 200): Promise<Answer> {
  const result = await answer;
  expect(result.status, result.text).toBe(status);
  return result;
}

beforeAll(async () => {
  w = await buildWorld();
  alphaTrack = one(await ok(create(w.lead, w.alpha, { content }), 201)).track.id;
  await ok(publish(w.lead, w.alpha, alphaTrack));
  await ok(assign(w.lead, w.alpha, alphaTrack, { wholeTeam: false, memberIds: [w.memberMemberId] }));
  betaTrack = one(await ok(create(w.admin, w.beta, { content }), 201)).track.id;
  archivedTrack = one(await ok(create(w.lead, w.alpha, { content }), 201)).track.id;
  await ok(archive(w.lead, w.alpha, archivedTrack));
});

describe("a lead builds, publishes, assigns and edits a track; the member sees it and what changed", () => {
  test("the journey", async () => {
    const draft = one(await ok(create(w.lead, w.alpha), 201));
    expect(draft).toMatchObject({ status: "draft", revision: 0, track: { title: "Untitled track", steps: [] } });
    const id = draft.track.id;

    const refused = await publish(w.lead, w.alpha, id);
    expect(refused.status).toBe(400);
    expect(problemOf(refused).detail).toMatch(/at least one lesson/);

    await ok(update(w.lead, w.alpha, id, { ...content, title: "Week one" }));
    await ok(assign(w.lead, w.alpha, id, { wholeTeam: true, memberIds: [] }));
    // Assigned but still a draft: the member sees nothing of it.
    expect(learnerView.parse((await ok(myTracks(w.member))).body).tracks.map((t) => t.track.id)).not.toContain(id);

    expect(one(await ok(publish(w.lead, w.alpha, id)))).toMatchObject({ status: "published", revision: 1, wholeTeam: true });
    let mine = learnerView.parse((await ok(myTracks(w.member))).body).tracks.find((t) => t.track.id === id);
    expect(mine).toMatchObject({ revision: 1, seenRevision: null, changeSummary: [], team: { name: "Alpha" } });
    await ok(seen(w.member, id, 1));

    // A moved due date: a new revision, and the member is told in words.
    const moved = structuredClone(content);
    moved.steps[1]!.due = { kind: "date", date: "2026-03-09" };
    expect(one(await ok(update(w.lead, w.alpha, id, { ...moved, title: "Week one" }))).revision).toBe(2);
    mine = learnerView.parse((await ok(myTracks(w.member))).body).tracks.find((t) => t.track.id === id);
    expect(mine).toMatchObject({ revision: 2, seenRevision: 1 });
    expect(mine?.changeSummary).toEqual(["“Error handling and fault tolerance” is now due 2026-03-09 (it was due 2026-03-02)."]);
    await ok(seen(w.member, id, 2));
    mine = learnerView.parse((await ok(myTracks(w.member))).body).tracks.find((t) => t.track.id === id);
    expect(mine?.changeSummary).toEqual([]);

    // Saving the same content again is not a new revision.
    expect(one(await ok(update(w.lead, w.alpha, id, { ...moved, title: "Week one" }))).revision).toBe(2);

    // Someone who joins later gets the whole-team track too.
    const later = await signUp("Lou Later");
    await join(w.admin, w.alpha, later, "member");
    expect(learnerView.parse((await ok(myTracks(later))).body).tracks.map((t) => t.track.id)).toContain(id);

    // Unassigning the whole team takes it away; archiving hides it for good.
    await ok(assign(w.lead, w.alpha, id, { wholeTeam: false, memberIds: [w.memberMemberId] }));
    expect(learnerView.parse((await ok(myTracks(later))).body).tracks.map((t) => t.track.id)).not.toContain(id);
    expect(learnerView.parse((await ok(myTracks(w.member))).body).tracks.map((t) => t.track.id)).toContain(id);
    await ok(archive(w.lead, w.alpha, id));
    expect(learnerView.parse((await ok(myTracks(w.member))).body).tracks.map((t) => t.track.id)).not.toContain(id);
  });

  test("a lead lists the team's tracks, drafts and archived ones included; starting from a built-in track's content works", async () => {
    const copied = one(await ok(create(w.lead, w.alpha, { content, copiedFrom: "on-call-ready" }), 201));
    expect(copied.track.steps.map((s) => s.lessonId)).toEqual(["system-architecture", "fault-tolerance"]);
    const list = z.object({ tracks: z.array(trackView) }).parse((await ok(call(tracksRoute.GET, { path: "/x", params: { teamId: w.alpha }, session: w.lead }))).body).tracks;
    const ids = list.map((t) => t.track.id);
    expect(ids).toEqual(expect.arrayContaining([alphaTrack, archivedTrack, copied.track.id]));
    expect(ids).not.toContain(betaTrack);
    expect(list.find((t) => t.track.id === alphaTrack)).toMatchObject({ memberIds: [w.memberMemberId], assignedCount: 1 });
  });

  test("the account export lists the tracks assigned to me and what I saw", async () => {
    const answer = await ok(call(exportRoute.GET, { path: "/api/v1/account/export", session: w.member }));
    const part = z.object({ teamTracks: z.object({ assigned: z.array(z.object({ trackId: z.string(), title: z.string().nullable() }).loose()), seen: z.array(z.unknown()) }) }).loose().parse(answer.body).teamTracks;
    expect(part.assigned.map((a) => a.trackId)).toContain(alphaTrack);
  });
});

async function expectRefused(send: () => Promise<Answer>, status: number, type: string, detail?: RegExp) {
  const before = await snapshot();
  const result = await send();
  expect(result.status, result.text).toBe(status);
  const problem = problemOf(result);
  expect(problem.type).toBe(`urn:quorum:problem:${type}`);
  if (detail) expect(problem.detail).toMatch(detail);
  expect(result.text).not.toMatch(/Payments onboarding|Alpha|Beta/);
  expect(await snapshot()).toEqual(before);
}

/** Every endpoint, sent by someone, on Alpha's track (or team). */
const endpoints = (as: () => Session | undefined): [string, () => Promise<Answer>][] => [
  ["GET /teams/:id/tracks", () => call(tracksRoute.GET, { path: "/x", params: p(w.alpha), session: as() })],
  ["POST /teams/:id/tracks", () => create(as(), w.alpha, { content })],
  ["GET /teams/:id/tracks/:id", () => call(trackRoute.GET, { path: "/x", params: p(w.alpha, alphaTrack), session: as() })],
  ["PUT /teams/:id/tracks/:id", () => update(as(), w.alpha, alphaTrack, { ...content, title: "Mine now" })],
  ["POST /teams/:id/tracks/:id/publish", () => publish(as(), w.alpha, alphaTrack)],
  ["POST /teams/:id/tracks/:id/archive", () => archive(as(), w.alpha, alphaTrack)],
  ["PUT /teams/:id/tracks/:id/assignments", () => assign(as(), w.alpha, alphaTrack, { wholeTeam: true, memberIds: [] })],
];

describe("refused requests change nothing", () => {
  test.each([
    ...endpoints(() => undefined),
    ["GET /me/tracks", () => myTracks(undefined)],
    ["POST /me/tracks/:id/seen", () => seen(undefined, alphaTrack, 1)],
  ] as [string, () => Promise<Answer>][])("anonymous: %s is 401", async (_name, send) => {
    await expectRefused(send, 401, "unauthenticated");
  });

  test.each(endpoints(() => w.outsider))("a member of another team: %s is 404", async (_name, send) => {
    await expectRefused(send, 404, "not-found");
  });

  test.each(endpoints(() => w.member))("a plain member: %s is 403", async (_name, send) => {
    await expectRefused(send, 403, "forbidden");
  });

  test.each([
    ["GET", () => call(trackRoute.GET, { path: "/x", params: p(w.alpha, betaTrack), session: w.lead })],
    ["PUT", () => update(w.lead, w.alpha, betaTrack, content)],
    ["publish", () => publish(w.lead, w.alpha, betaTrack)],
    ["archive", () => archive(w.lead, w.alpha, betaTrack)],
    ["assign", () => assign(w.lead, w.alpha, betaTrack, { wholeTeam: true, memberIds: [] })],
    // The owner of both teams, naming Alpha's track under Beta's address.
    ["PUT, owner of both, through the other team", () => update(w.admin, w.beta, alphaTrack, content)],
    ["a track id of the wrong shape", () => update(w.lead, w.alpha, "not-a-uuid", content)],
  ] as [string, () => Promise<Answer>][])("another team's track id in this team's address (%s) is 404", async (_name, send) => {
    await expectRefused(send, 404, "not-found");
  });

  const badContent: [string, unknown, RegExp][] = [
    ["a lesson that does not exist", { ...content, steps: [{ lessonId: "kafka", due: { kind: "none" }, note: "" }] }, /steps\.0\.lessonId: "kafka" is not an existing lesson/],
    ["a lesson twice", { ...content, steps: [content.steps[0], content.steps[0]] }, /steps\.1\.lessonId: "system-architecture" appears more than once/],
    ["a pass mark below 50", { ...content, passMark: 20 }, /passMark: must be a whole percentage from 50 to 100/],
    ["a date that does not exist", { ...content, steps: [{ lessonId: "testing", due: { kind: "date", date: "2026-02-30" }, note: "" }] }, /steps\.0\.due\.date: must be a calendar date/],
    ["an empty title", { ...content, title: "  " }, /title: must not be empty/],
    ["an unknown field", { ...content, owner: "me" }, /owner/],
    ["21 steps", { ...content, steps: Array.from({ length: 21 }, (_, i) => ({ lessonId: `lesson-${i}`, due: { kind: "none" }, note: "" })) }, /steps: allows at most 20 steps/],
  ];
  test.each(badContent)("PUT with %s is 400 and names the field", async (_name, body, message) => {
    await expectRefused(() => update(w.lead, w.alpha, alphaTrack, body), 400, "validation-failed", message);
  });
  test.each(badContent)("POST with %s is 400", async (_name, body) => {
    await expectRefused(() => create(w.lead, w.alpha, { content: body }), 400, "validation-failed");
  });

  test("malformed JSON is 400, an oversized body 413, not JSON 415", async () => {
    const raw = (body: string, type = "application/json") =>
      call(trackRoute.PUT, { method: "PUT", path: "/x", params: p(w.alpha, alphaTrack), raw: body, headers: { "content-type": type }, session: w.lead });
    await expectRefused(() => raw("{not json"), 400, "malformed-request");
    await expectRefused(() => raw(JSON.stringify({ ...content, summary: "x".repeat(70_000) })), 413, "payload-too-large");
    await expectRefused(() => raw("title=x", "application/x-www-form-urlencoded"), 415, "unsupported-media-type");
  });

  test("assigning someone from another team, or an archived track, is refused", async () => {
    await expectRefused(() => assign(w.lead, w.alpha, alphaTrack, { wholeTeam: false, memberIds: [w.memberMemberId, w.outsiderBetaMemberId] }), 400, "validation-failed", /memberIds\.1: is not a member of this team/);
    await expectRefused(() => assign(w.lead, w.alpha, archivedTrack, { wholeTeam: true, memberIds: [] }), 409, "conflict", /archived/);
    await expectRefused(() => update(w.lead, w.alpha, archivedTrack, content), 409, "conflict", /archived/);
    await expectRefused(() => publish(w.lead, w.alpha, archivedTrack), 409, "conflict", /archived/);
  });

  test("a learner cannot mark a track seen that is not theirs, a draft, or a revision that does not exist", async () => {
    await expectRefused(() => seen(w.outsider, alphaTrack, 1), 404, "not-found");
    await expectRefused(() => seen(w.member, archivedTrack, 1), 404, "not-found");
    await expectRefused(() => seen(w.member, alphaTrack, 99), 409, "conflict");
  });

  test("a member's list holds only their own published tracks", async () => {
    const ids = learnerView.parse((await ok(myTracks(w.outsider))).body).tracks.map((t) => t.track.id);
    expect(ids).not.toContain(alphaTrack);
    expect(ids).not.toContain(archivedTrack);
  });
});
