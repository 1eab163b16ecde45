/**
 * The lead's dashboard, a member's page and the CSV: what a lead of the team sees (computed
 * from the members' synced facts), the dashboard's pages (a team of 61 on a track: 50 rows a
 * page, `paging` and `Link`), and the refusals (anonymous, another team, a plain member,
 * another team's member ids, a bad page), each with its status, nothing leaked and nothing changed.
 */
import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";
import * as csvRoute from "@/app/api/v1/teams/[teamId]/dashboard/csv/route";
import * as dashboardRoute from "@/app/api/v1/teams/[teamId]/dashboard/route";
import * as memberProgressRoute from "@/app/api/v1/teams/[teamId]/members/[memberId]/progress/route";
import { getDb } from "@/lib/server/db/client";
import { members, organizations, users } from "@/lib/server/db/schema";
import { csvHeader } from "@/lib/tracks/csv";
import { type Answer, call, problemOf, type Session, signUp } from "./support/api";
import { snapshot } from "./support/db";
import { factsCompleting, insertTeamTrack, syncFacts } from "./support/progress";
import { insertUsers } from "./support/sync-users";
import { buildWorld, join, type World } from "./support/world";

let w: World;
let formula: Session;
/** A team of 61 (the world's lead and 60 learners) with one published track for the whole team. */
let gamma = "";
const GAMMA_LEARNERS = 60;
const LESSONS = ["system-architecture", "fault-tolerance", "observability"];

beforeAll(async () => {
  w = await buildWorld();
  formula = await signUp("Eve Formula");
  // A name a spreadsheet would run as a formula (the sign-up form allows any name).
  await (await getDb()).update(users).set({ name: "=HYPERLINK(\"http://evil\")" }).where(eq(users.id, formula.userId));
  const formulaMemberId = await join(w.admin, w.alpha, formula, "member");
  // Assigned to each member ten days ago (a whole-team track would start on the day they joined).
  const memberIds = [w.adminAlphaMemberId, w.leadMemberId, w.memberMemberId, formulaMemberId];
  await insertTeamTrack({ teamId: w.alpha, title: "Alpha onboarding", lessons: LESSONS, wholeTeam: true, memberIds });
  // A draft in Alpha and a track in Beta: neither shows on Alpha's dashboard.
  await insertTeamTrack({ teamId: w.alpha, title: "Draft track", lessons: LESSONS, status: "draft", wholeTeam: true });
  await insertTeamTrack({ teamId: w.beta, title: "Beta secret track", lessons: LESSONS, wholeTeam: true });
  // The member did the first step (100%) and tried the second (60%, under the pass mark).
  const facts = await factsCompleting(["system-architecture"], 10);
  const tried = await factsCompleting(["fault-tolerance"], 6);
  await syncFacts(w.member.userId, { ...facts, attempts: { ...facts.attempts, ...tried.attempts } });
  // The outsider (Beta) has progress too; it must never show in Alpha.
  await syncFacts(w.outsider.userId, await factsCompleting(LESSONS));

  gamma = `gamma-${Date.now().toString(36)}`;
  const db = await getDb();
  await db.insert(organizations).values({ id: gamma, name: "Gamma", slug: gamma });
  const learners = await insertUsers(GAMMA_LEARNERS, "gamma");
  const joined = new Date(Date.now() - 20 * 86_400_000);
  await db.insert(members).values([
    { id: `${gamma}-lead`, organizationId: gamma, userId: w.lead.userId, role: "lead", createdAt: joined },
    ...learners.map((userId, i) => ({ id: `${gamma}-m${i}`, organizationId: gamma, userId, role: "member", createdAt: joined })),
  ]);
  await insertTeamTrack({ teamId: gamma, title: "Gamma onboarding", lessons: LESSONS, wholeTeam: true });
});

const rowSchema = z.object({
  member: z.object({ id: z.string(), name: z.string() }),
  track: z.object({ id: z.string(), title: z.string() }),
  progress: z.object({ done: z.number(), total: z.number(), overdue: z.number(), steps: z.array(z.object({ key: z.string(), status: z.string(), best: z.number().nullable() })) }),
});
const dashboardSchema = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  tracks: z.array(z.object({ id: z.string(), title: z.string() })),
  summary: z.object({ members: z.number(), stepsDone: z.number(), stepsTotal: z.number(), lessons: z.array(z.object({ lessonId: z.string(), medianBest: z.number().nullable() })) }),
  rows: z.array(rowSchema),
});

const dashboard = (as: Session | undefined, teamId = w.alpha, query = "") =>
  call(dashboardRoute.GET, { path: `/api/v1/teams/${teamId}/dashboard${query}`, params: { teamId }, session: as });
const csv = (as: Session | undefined, teamId = w.alpha, query = "") => call(csvRoute.GET, { path: `/api/v1/teams/${teamId}/dashboard/csv${query}`, params: { teamId }, session: as });
const memberProgress = (as: Session | undefined, memberId: string, teamId = w.alpha) =>
  call(memberProgressRoute.GET, { path: `/api/v1/teams/${teamId}/members/${memberId}/progress`, params: { teamId, memberId }, session: as });

describe("a lead's dashboard", () => {
  test("shows every member on the team's published tracks, from their synced facts", async () => {
    const answer = await dashboard(w.lead);
    expect(answer.status, answer.text).toBe(200);
    const body = dashboardSchema.parse(answer.body);
    expect(body.tracks.map((t) => t.title)).toEqual(["Alpha onboarding"]);
    expect(body.rows.map((r) => r.member.name).sort()).toEqual(["=HYPERLINK(\"http://evil\")", "Ada Admin", "Lena Lead", "Mo Member"].sort());
    const mo = body.rows.find((r) => r.member.name === "Mo Member")!;
    expect(mo.progress.steps.map((s) => [s.key, s.status, s.best])).toEqual([
      ["system-architecture", "done", 1],
      ["fault-tolerance", "in-progress", 0.6],
      ["observability", "not-started", null],
    ]);
    // Due three days after a start ten days ago: everything not done is overdue.
    expect(mo.progress.overdue).toBe(2);
    expect(body.summary).toMatchObject({ members: 4, stepsDone: 1, stepsTotal: 12 });
    expect(body.summary.lessons.find((l) => l.lessonId === "fault-tolerance")?.medianBest).toBe(0.6);
    expect(answer.text).not.toMatch(/Beta secret track|Otto Outsider|Draft track/);
  });

  test("filters by state and sorts by the query, like the page", async () => {
    const overdue = dashboardSchema.parse((await dashboard(w.lead, w.alpha, "?state=overdue&sort=progress&dir=desc")).body);
    expect(overdue.rows.map((r) => r.member.name)[0]).toBe("Mo Member");
    expect(overdue.rows).toHaveLength(4);
    const one = dashboardSchema.parse((await dashboard(w.lead, w.alpha, `?member=${w.member.userId}`)).body);
    expect(one.rows.map((r) => r.member.name)).toEqual(["Mo Member"]);
    const complete = dashboardSchema.parse((await dashboard(w.lead, w.alpha, "?state=complete")).body);
    expect(complete.rows).toEqual([]);
  });

  test("the owner sees it too", async () => {
    expect((await dashboard(w.admin)).status).toBe(200);
  });
});

const pagedSchema = dashboardSchema.extend({
  paging: z.object({ page: z.union([z.number(), z.literal("all")]), pageCount: z.number(), pageSize: z.number().nullable(), from: z.number(), to: z.number(), total: z.number() }),
});
const names = (body: z.infer<typeof pagedSchema>) => body.rows.map((r) => r.member.name);

describe("the dashboard's pages", () => {
  test("50 rows a page in the page's order, with the total, the page and Link headers to the others", async () => {
    const path = `/api/v1/teams/${gamma}/dashboard`;
    const first = await dashboard(w.lead, gamma);
    expect(first.status, first.text).toBe(200);
    const one = pagedSchema.parse(first.body);
    expect(one.paging).toEqual({ page: 1, pageCount: 2, pageSize: 50, from: 1, to: 50, total: 61 });
    expect(one.rows).toHaveLength(50);
    expect(first.headers.get("link")).toBe(`<${path}>; rel="first", <${path}?page=2>; rel="next", <${path}?page=2>; rel="last"`);

    const second = await dashboard(w.lead, gamma, "?page=2");
    const two = pagedSchema.parse(second.body);
    expect(two.paging).toEqual({ page: 2, pageCount: 2, pageSize: 50, from: 51, to: 61, total: 61 });
    expect(second.headers.get("link")).toBe(`<${path}>; rel="first", <${path}>; rel="prev", <${path}?page=2>; rel="last"`);

    const all = await dashboard(w.lead, gamma, "?page=all");
    const every = pagedSchema.parse(all.body);
    expect(every.paging).toEqual({ page: "all", pageCount: 1, pageSize: null, from: 1, to: 61, total: 61 });
    expect(all.headers.get("link")).toBeNull();
    // The pages are the whole, in order, each row once; sorted by member as the page sorts them.
    expect([...names(one), ...names(two)]).toEqual(names(every));
    expect(new Set(names(every)).size).toBe(61);
    expect(names(every)).toEqual([...names(every)].sort(new Intl.Collator("en", { sensitivity: "base", numeric: true }).compare));
    // The summary counts every row, whatever the page.
    expect(two.summary).toEqual(one.summary);
  });

  test("the links keep the filter and sort; a page past the end is the last one; a small team has one page and no Link", async () => {
    const answer = await dashboard(w.lead, gamma, "?state=not-started&sort=member&dir=desc&page=9");
    const body = pagedSchema.parse(answer.body);
    expect(body.paging).toMatchObject({ page: 2, pageCount: 2, total: 61 });
    expect(names(body).at(-1)).toBe("Learner 0");
    expect(answer.headers.get("link")).toContain(`</api/v1/teams/${gamma}/dashboard?state=not-started&dir=desc>; rel="prev"`);
    const small = await dashboard(w.lead);
    expect(pagedSchema.parse(small.body).paging).toEqual({ page: 1, pageCount: 1, pageSize: 50, from: 1, to: 4, total: 4 });
    expect(small.headers.get("link")).toBeNull();
  });

  test.each([["0"], ["-1"], ["abc"], ["1.5"], [""], ["01"], ["1e2"], ["ALL"], ["1234567"]])("page=%j is a 400 problem naming the field, and changes nothing", async (value) => {
    const before = await snapshot();
    const answer = await dashboard(w.lead, gamma, `?page=${encodeURIComponent(value)}`);
    expect(answer.status, answer.text).toBe(400);
    const problem = problemOf(answer);
    expect(problem.type).toBe("urn:quorum:problem:validation-failed");
    expect(answer.body).toMatchObject({ errors: [{ field: "page" }] });
    expect(answer.text).not.toMatch(/Learner|Gamma onboarding/);
    expect(await snapshot()).toEqual(before);
  });

  test("two page values are refused too", async () => {
    const answer = await dashboard(w.lead, gamma, "?page=1&page=2");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ field: "page", message: "give one page, not several" }] });
  });
});

describe("the CSV download", () => {
  test("one row per member and step, with the header, a byte-order mark, and names made inert for spreadsheets", async () => {
    const response = await csvRoute.GET(new Request(`http://localhost:3000/api/v1/teams/${w.alpha}/dashboard/csv`, { headers: { cookie: w.lead.cookie } }), {
      params: Promise.resolve({ teamId: w.alpha }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="alpha-progress-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(new TextDecoder().decode(bytes.slice(3)));
    expect(records[0]).toEqual(csvHeader("UTC"));
    expect(records).toHaveLength(1 + 4 * 3);
    const mo = records.filter((r) => r[0] === "Mo Member");
    expect(mo.map((r) => [r[2], r[3], r[4], r[5]])).toEqual([
      // Done today, a week after its due day: done, and late.
      ["1. Understand system architecture", "done late", "no", "100"],
      [expect.stringMatching(/^2\. /), "in progress", "yes", "60"],
      [expect.stringMatching(/^3\. /), "not started", "yes", ""],
    ]);
    expect(mo[0]![7]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(mo[0]![6]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const evil = records.filter((r) => r[0]!.includes("HYPERLINK"));
    expect(evil).toHaveLength(3);
    for (const r of evil) expect(r[0]).toBe("'=HYPERLINK(\"http://evil\")");
  });

  test("exports what the filters show", async () => {
    const answer = await csv(w.lead, w.alpha, `?member=${w.member.userId}`);
    expect(answer.status).toBe(200);
    const records: string[][] = parse(answer.text.replace(/^\uFEFF/, ""));
    expect(records.slice(1).map((r) => r[0])).toEqual(["Mo Member", "Mo Member", "Mo Member"]);
  });
});

describe("a member's page", () => {
  test("a lead sees the member's steps, their quiz attempts on those lessons and last activity", async () => {
    const answer = await memberProgress(w.lead, w.memberMemberId);
    expect(answer.status, answer.text).toBe(200);
    const body = z
      .object({
        member: z.object({ name: z.string() }),
        rows: z.array(rowSchema),
        attempts: z.array(z.object({ lessonId: z.string(), correct: z.number(), total: z.number() })),
        lastActivityAt: z.number().nullable(),
      })
      .parse(answer.body);
    expect(body.member.name).toBe("Mo Member");
    expect(body.rows.map((r) => r.track.title)).toEqual(["Alpha onboarding"]);
    expect(body.attempts.map((a) => [a.lessonId, a.correct]).sort()).toEqual([
      ["fault-tolerance", 6],
      ["system-architecture", 10],
    ]);
    expect(body.lastActivityAt).toEqual(expect.any(Number));
  });
});

async function expectRefused(send: () => Promise<Answer>, status: number, type: string) {
  const before = await snapshot();
  const answer = await send();
  expect(answer.status, answer.text).toBe(status);
  expect(problemOf(answer).type).toBe(`urn:quorum:problem:${type}`);
  expect(answer.text).not.toMatch(/Mo Member|Alpha onboarding|Beta secret|system-architecture/);
  expect(await snapshot()).toEqual(before);
}

describe("refusals: status, nothing shown, nothing changed", () => {
  const cases = (): [string, () => Promise<Answer>, number, string][] => [
    ["anonymous: dashboard", () => dashboard(undefined), 401, "unauthenticated"],
    ["anonymous: CSV", () => csv(undefined), 401, "unauthenticated"],
    ["anonymous: member page", () => memberProgress(undefined, w.memberMemberId), 401, "unauthenticated"],
    ["another team's member: dashboard", () => dashboard(w.outsider), 404, "not-found"],
    ["another team's member: CSV", () => csv(w.outsider), 404, "not-found"],
    ["another team's member: member page", () => memberProgress(w.outsider, w.memberMemberId), 404, "not-found"],
    ["a plain member: the team's dashboard", () => dashboard(w.member), 403, "forbidden"],
    ["a plain member: the team's CSV", () => csv(w.member), 403, "forbidden"],
    ["a plain member: a teammate's page", () => memberProgress(w.member, w.leadMemberId), 403, "forbidden"],
    ["a plain member: their own page through the dashboard", () => memberProgress(w.member, w.memberMemberId), 403, "forbidden"],
    ["a lead of Alpha: Beta's dashboard", () => dashboard(w.lead, w.beta), 404, "not-found"],
    ["a lead of Alpha: Beta's CSV", () => csv(w.lead, w.beta), 404, "not-found"],
    ["a lead of Alpha: a Beta member's id under Alpha", () => memberProgress(w.lead, w.outsiderBetaMemberId), 404, "not-found"],
    ["a lead of Alpha: a Beta member's id under Beta", () => memberProgress(w.lead, w.outsiderBetaMemberId, w.beta), 404, "not-found"],
    ["a lead: a member id that does not exist", () => memberProgress(w.lead, "no-such-member"), 404, "not-found"],
    ["a lead: a malformed team id", () => dashboard(w.lead, "../../etc"), 404, "not-found"],
    // A page, good or bad, changes no refusal: who may not see the dashboard learns nothing more.
    ["anonymous: a page of the dashboard", () => dashboard(undefined, w.alpha, "?page=2"), 401, "unauthenticated"],
    ["anonymous: a bad page", () => dashboard(undefined, w.alpha, "?page=abc"), 401, "unauthenticated"],
    ["another team's member: every row", () => dashboard(w.outsider, w.alpha, "?page=all"), 404, "not-found"],
    ["another team's member: a bad page", () => dashboard(w.outsider, w.alpha, "?page=0"), 404, "not-found"],
    ["a plain member: a page of the dashboard", () => dashboard(w.member, w.alpha, "?page=2"), 403, "forbidden"],
    ["a plain member: a bad page", () => dashboard(w.member, w.alpha, "?page=x"), 403, "forbidden"],
    ["a lead of Alpha: Gamma's is theirs, Beta's stays hidden, paged or not", () => dashboard(w.lead, w.beta, "?page=all"), 404, "not-found"],
  ];
  test.each(cases())("%s", async (_name, send, status, type) => {
    await expectRefused(send, status, type);
  });
});
