import { requireActor } from "@/lib/server/auth/actor";
import { getAuth } from "@/lib/server/auth/auth";
import { authorize } from "@/lib/server/authorize";
import { readJsonBody } from "@/lib/server/http/body";
import { assertAllowed } from "@/lib/server/http/deny";
import { json, route } from "@/lib/server/http/route";
import { createTeamBody } from "@/lib/server/http/schemas";
import { createTeam, setTeamTimeZone } from "@/lib/server/teams/commands";
import { listTeamsOf } from "@/lib/server/teams/queries";

/** GET: my teams, and whether I may create one. POST: create a team (I become its owner). */
export const dynamic = "force-dynamic";

export const GET = route(async (req, ctx) => {
  const { user, db, actor } = await requireActor(req, ctx);
  return json({ teams: await listTeamsOf(db, user.id), canCreate: authorize(actor, { kind: "team.create" }).allowed });
});

export const POST = route(async (req, ctx) => {
  const { db, actor } = await requireActor(req, ctx);
  assertAllowed(authorize(actor, { kind: "team.create" }));
  const { name, timeZone = "UTC" } = await readJsonBody(req, createTeamBody);
  const created = await createTeam(await getAuth(), req.headers, name);
  await setTeamTimeZone(db, created.id, timeZone);
  const team = { ...created, timeZone };
  return json({ team }, { status: 201, headers: { location: `/api/v1/teams/${team.id}` } });
});
