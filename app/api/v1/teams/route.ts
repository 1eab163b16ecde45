import { getAuth } from "@/lib/server/auth/auth";
import { requireUser } from "@/lib/server/auth/session";
import { authorize } from "@/lib/server/authorize";
import { getDb } from "@/lib/server/db/client";
import { readJsonBody } from "@/lib/server/http/body";
import { assertAllowed } from "@/lib/server/http/deny";
import { json, route } from "@/lib/server/http/route";
import { createTeamBody } from "@/lib/server/http/schemas";
import { createTeam, setTeamTimeZone } from "@/lib/server/teams/commands";
import { listTeamsOf, loadActor } from "@/lib/server/teams/queries";

/** GET: my teams, and whether I may create one. POST: create a team (I become its owner). */
export const dynamic = "force-dynamic";

export const GET = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const db = await getDb();
  const actor = await loadActor(db, user.id);
  return json({ teams: await listTeamsOf(db, user.id), canCreate: authorize(actor, { kind: "team.create" }).allowed });
});

export const POST = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const db = await getDb();
  assertAllowed(authorize(await loadActor(db, user.id), { kind: "team.create" }));
  const { name, timeZone = "UTC" } = await readJsonBody(req, createTeamBody);
  const created = await createTeam(await getAuth(), req.headers, name);
  await setTeamTimeZone(db, created.id, timeZone);
  const team = { ...created, timeZone };
  return json({ team }, { status: 201, headers: { location: `/api/v1/teams/${team.id}` } });
});
