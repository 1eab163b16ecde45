/**
 * A team's time zone: set at creation from the creator's browser, changed by its owners and
 * leads only, validated (a bad name is a 400 problem and changes nothing), and used for every
 * due day of the team's tracks: the dashboard, a member's page, the CSV and the learner's own
 * tracks (which carry the zone to the browser).
 */
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";
import * as csvRoute from "@/app/api/v1/teams/[teamId]/dashboard/csv/route";
import * as dashboardRoute from "@/app/api/v1/teams/[teamId]/dashboard/route";
import * as memberProgressRoute from "@/app/api/v1/teams/[teamId]/members/[memberId]/progress/route";
import * as teamRoute from "@/app/api/v1/teams/[teamId]/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import * as meTracksRoute from "@/app/api/v1/me/tracks/route";
import { call, problemOf, type Session } from "./support/api";
import { snapshot } from "./support/db";
import { insertTeamTrack } from "./support/progress";
import { buildWorld, type World } from "./support/world";

let w: World;

beforeAll(async () => {
  w = await buildWorld();
});

const teamSchema = z.object({ team: z.object({ id: z.string(), timeZone: z.string() }) });
const setZone = (as: Session | undefined, timeZone: unknown, teamId = w.alpha, extra: Record<string, unknown> = {}) =>
  call(teamRoute.PATCH, { method: "PATCH", path: `/api/v1/teams/${teamId}`, params: { teamId }, body: { timeZone, ...extra }, session: as });
const zoneOf = async (teamId: string, as: Session = w.admin) => z.object({ team: z.object({ timeZone: z.string() }) }).parse((await call(teamRoute.GET, { path: `/api/v1/teams/${teamId}`, params: { teamId }, session: as })).body).team.timeZone;

describe("creating a team", () => {
  test("keeps the creator's zone, in its canonical spelling; none sent is UTC", async () => {
    const berlin = await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Berlin", timeZone: "europe/berlin" }, session: w.admin });
    expect(berlin.status, berlin.text).toBe(201);
    expect(teamSchema.parse(berlin.body).team.timeZone).toBe("Europe/Berlin");
    expect(await zoneOf(teamSchema.parse(berlin.body).team.id)).toBe("Europe/Berlin");
    const plain = await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Plain" }, session: w.admin });
    expect(await zoneOf(teamSchema.parse(plain.body).team.id)).toBe("UTC");
  });

  test("refuses a zone that does not exist, and creates nothing", async () => {
    const before = await snapshot();
    const answer = await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name: "Nowhere", timeZone: "Mars/Olympus_Mons" }, session: w.admin });
    expect(answer.status).toBe(400);
    expect(problemOf(answer).detail).toMatch(/timeZone/);
    expect(await snapshot()).toEqual(before);
  });
});

describe("changing a team's zone", () => {
  test("its owner and its lead may; the members see the new zone", async () => {
    const byOwner = await setZone(w.admin, "Asia/Tokyo");
    expect(byOwner.status, byOwner.text).toBe(200);
    expect(teamSchema.parse(byOwner.body).team.timeZone).toBe("Asia/Tokyo");
    const byLead = await setZone(w.lead, "America/New_York");
    expect(byLead.status, byLead.text).toBe(200);
    expect(await zoneOf(w.alpha, w.member)).toBe("America/New_York");
  });

  const refused: [string, () => Session | undefined, number][] = [
    ["signed out", () => undefined, 401],
    ["a plain member", () => w.member, 403],
    ["someone outside the team", () => w.outsider, 404],
  ];
  test.each(refused)("%s may not (%i), and nothing changes", async (_, who, status) => {
    const before = await snapshot();
    const answer = await setZone(who(), "Europe/Paris");
    expect(answer.status).toBe(status);
    problemOf(answer);
    expect(await snapshot()).toEqual(before);
  });

  test.each([
    ["an unknown zone", "Mars/Olympus_Mons"],
    ["an offset, not a zone", "+02:00"],
    ["an empty name", ""],
    ["not text", 120],
    ["a name too long", `Europe/${"x".repeat(80)}`],
  ])("%s is a 400 problem naming the field, and nothing changes", async (_, timeZone) => {
    const before = await snapshot();
    const answer = await setZone(w.lead, timeZone);
    expect(answer.status).toBe(400);
    expect(problemOf(answer).detail).toMatch(/timeZone/);
    expect(await snapshot()).toEqual(before);
  });

  test("an unknown field is refused too", async () => {
    const before = await snapshot();
    const answer = await setZone(w.lead, "Europe/Paris", w.alpha, { name: "Renamed" });
    expect(answer.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});

describe("due days are days in the team's zone, for the lead and the learner alike", () => {
  // Pago Pago (UTC−11) and Kiritimati (UTC+14) are 25 hours apart: whenever this runs, the date
  // in Kiritimati is after the date in Pago Pago. A step due "today in Pago Pago" is not
  // overdue in a Pago Pago team and overdue in a Kiritimati team.
  const todayIn = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(Date.now());
  let trackId: string;

  beforeAll(async () => {
    trackId = await insertTeamTrack({ teamId: w.alpha, title: "Zoned track", lessons: ["messaging"], wholeTeam: true, due: { kind: "date", date: todayIn("Pacific/Pago_Pago") } });
  });

  const moOnDashboard = async () => {
    const answer = await call(dashboardRoute.GET, { path: `/api/v1/teams/${w.alpha}/dashboard`, params: { teamId: w.alpha }, session: w.lead });
    const body = z
      .object({ team: z.object({ timeZone: z.string() }), rows: z.array(z.object({ member: z.object({ name: z.string() }), track: z.object({ id: z.string() }), progress: z.object({ overdue: z.number() }) })) })
      .parse(answer.body);
    return { zone: body.team.timeZone, overdue: body.rows.find((r) => r.member.name === "Mo Member" && r.track.id === trackId)!.progress.overdue };
  };
  const moOnHisPage = async () => {
    const answer = await call(memberProgressRoute.GET, {
      path: `/api/v1/teams/${w.alpha}/members/${w.memberMemberId}/progress`,
      params: { teamId: w.alpha, memberId: w.memberMemberId },
      session: w.lead,
    });
    return z.object({ rows: z.array(z.object({ track: z.object({ id: z.string() }), progress: z.object({ overdue: z.number() }) })) }).parse(answer.body).rows.find((r) => r.track.id === trackId)!.progress.overdue;
  };
  const moInCsv = async () => {
    const answer = await call(csvRoute.GET, { path: `/api/v1/teams/${w.alpha}/dashboard/csv`, params: { teamId: w.alpha }, session: w.lead });
    const records: string[][] = parse(answer.text.replace(/^\uFEFF/, ""));
    const row = records.find((r) => r[0] === "Mo Member" && r[1] === "Zoned track")!;
    return { header: records[0]![6], overdue: row[4], due: row[6] };
  };
  const learnerZone = async () => {
    const answer = await call(meTracksRoute.GET, { path: "/api/v1/me/tracks", session: w.member });
    return z.object({ tracks: z.array(z.object({ track: z.object({ id: z.string() }), team: z.object({ timeZone: z.string() }) })) }).parse(answer.body).tracks.find((t) => t.track.id === trackId)!.team.timeZone;
  };

  test("in Pago Pago the step is due today; in Kiritimati it is already overdue", async () => {
    expect((await setZone(w.lead, "Pacific/Pago_Pago")).status).toBe(200);
    expect(await moOnDashboard()).toEqual({ zone: "Pacific/Pago_Pago", overdue: 0 });
    expect(await moOnHisPage()).toBe(0);
    expect(await moInCsv()).toEqual({ header: "due date (end of day in Pacific/Pago_Pago)", overdue: "no", due: todayIn("Pacific/Pago_Pago") });
    expect(await learnerZone()).toBe("Pacific/Pago_Pago");

    expect((await setZone(w.lead, "Pacific/Kiritimati")).status).toBe(200);
    expect(await moOnDashboard()).toEqual({ zone: "Pacific/Kiritimati", overdue: 1 });
    expect(await moOnHisPage()).toBe(1);
    expect(await moInCsv()).toEqual({ header: "due date (end of day in Pacific/Kiritimati)", overdue: "yes", due: todayIn("Pacific/Pago_Pago") });
    expect(await learnerZone()).toBe("Pacific/Kiritimati");
  });
});
