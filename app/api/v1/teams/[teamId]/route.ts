import * as z from "zod";
import { requireUser } from "@/lib/server/auth/session";
import { authorize } from "@/lib/server/authorize";
import { getDb } from "@/lib/server/db/client";
import { readJsonBody } from "@/lib/server/http/body";
import { assertAllowed } from "@/lib/server/http/deny";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema, teamSettingsBody } from "@/lib/server/http/schemas";
import { setTeamTimeZone } from "@/lib/server/teams/commands";
import { loadActor } from "@/lib/server/teams/queries";
import { teamViewFor } from "@/lib/server/teams/view";

/**
 * GET: the team as I may see it (managers: everyone and pending invitations; members: the leads).
 * PATCH `{ timeZone }`: the team's settings, for its owners and leads.
 */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  const db = await getDb();
  return json({ team: await teamViewFor(db, await loadActor(db, user.id), teamId) });
});

export const PATCH = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  const db = await getDb();
  assertAllowed(authorize(await loadActor(db, user.id), { kind: "team.manage", teamId }));
  const { timeZone } = await readJsonBody(req, teamSettingsBody);
  await setTeamTimeZone(db, teamId, timeZone);
  return json({ team: { id: teamId, timeZone } });
});
