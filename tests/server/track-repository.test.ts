/**
 * Who has a team track: explicit assignments, and the whole team (members who join later too,
 * from the day they join). The earlier start wins when both apply.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { getDb } from "@/lib/server/db/client";
import { members, teamTrackAssignments, teamTracks } from "@/lib/server/db/schema";
import { getTeamTrack, listAssignmentsOfUser, listTeamAssignments, listTeamTracks } from "@/lib/server/tracks/repository";
import { signUp } from "./support/api";
import { buildWorld, join, type World } from "./support/world";

let w: World;
const steps = [{ lessonId: "observability", due: { kind: "days" as const, days: 3 }, note: "Read the logs first." }];

beforeAll(async () => {
  w = await buildWorld();
});

async function insertTrack(teamId: string, fields: Partial<typeof teamTracks.$inferInsert> = {}) {
  const id = randomUUID();
  const db = await getDb();
  await db.insert(teamTracks).values({ id, teamId, title: "Onboarding", passMark: 70, steps, ...fields });
  return id;
}

test("a stored track reads back as the lib/tracks model, and only in its own team", async () => {
  const id = await insertTrack(w.alpha, { summary: "First week", assessment: { due: { kind: "none" }, note: "" } });
  const got = await getTeamTrack(await getDb(), id);
  expect(got?.track).toEqual({ id, title: "Onboarding", summary: "First week", passMark: 70, assessment: { due: { kind: "none" }, note: "" }, steps });
  expect(got?.status).toBe("draft");
  expect(got?.revision).toBe(0);
  expect((await listTeamTracks(await getDb(), w.alpha)).map((t) => t.track.id)).toContain(id);
  expect((await listTeamTracks(await getDb(), w.beta)).map((t) => t.track.id)).not.toContain(id);
});

test("explicit and whole-team assignments combine, later joiners included, earlier start wins", async () => {
  const db = await getDb();
  const since = new Date("2026-01-01T00:00:00Z");
  const wholeTeam = await insertTrack(w.alpha, { wholeTeamSince: since });
  const chosen = await insertTrack(w.alpha);
  const explicitAt = new Date("2025-12-01T00:00:00Z");
  await db.insert(teamTrackAssignments).values([
    { trackId: chosen, memberId: w.memberMemberId, assignedAt: explicitAt },
    { trackId: wholeTeam, memberId: w.leadMemberId, assignedAt: explicitAt },
  ]);
  await db.update(members).set({ createdAt: new Date("2025-06-01T00:00:00Z") }).where(eq(members.organizationId, w.alpha));

  const newcomer = await signUp("Nia Newcomer");
  const newcomerMemberId = await join(w.admin, w.alpha, newcomer, "member");
  const joinedAt = new Date("2026-02-01T00:00:00Z");
  await db.update(members).set({ createdAt: joinedAt }).where(eq(members.id, newcomerMemberId));

  const team = await listTeamAssignments(db, w.alpha);
  const of = (trackId: string, memberId: string) => team.find((a) => a.trackId === trackId && a.memberId === memberId);
  expect(of(wholeTeam, w.memberMemberId)).toMatchObject({ userId: w.member.userId, startedAt: since, via: "team" });
  expect(of(wholeTeam, newcomerMemberId)).toMatchObject({ userId: newcomer.userId, startedAt: joinedAt, via: "team" });
  expect(of(wholeTeam, w.leadMemberId)).toMatchObject({ startedAt: explicitAt, via: "member" });
  expect(of(chosen, w.memberMemberId)).toMatchObject({ startedAt: explicitAt, via: "member" });
  expect(of(chosen, w.leadMemberId)).toBeUndefined();

  const mine = await listAssignmentsOfUser(db, w.member.userId);
  expect(mine.map((a) => a.trackId).sort()).toEqual([wholeTeam, chosen].sort());
  expect(await listAssignmentsOfUser(db, w.outsider.userId)).toEqual([]);
});
