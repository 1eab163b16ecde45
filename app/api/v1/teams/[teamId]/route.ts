import * as z from "zod";
import { requireActor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authorize";
import { readJsonBody } from "@/lib/server/http/body";
import { assertAllowed } from "@/lib/server/http/deny";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema, teamSettingsBody } from "@/lib/server/http/schemas";
import { setTeamTimeZone } from "@/lib/server/teams/commands";
import { teamViewFor } from "@/lib/server/teams/view";

/**
 * GET: the team as I may see it (managers: everyone and pending invitations; members: the leads).
 * PATCH `{ timeZone }`: the team's settings, for its owners and leads.
 */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const { db, actor } = await requireActor(req, ctx);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  return json({ team: await teamViewFor(db, actor, teamId) });
});

export const PATCH = route(async (req, ctx) => {
  const { db, actor } = await requireActor(req, ctx);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  assertAllowed(authorize(actor, { kind: "team.manage", teamId }));
  const { timeZone } = await readJsonBody(req, teamSettingsBody);
  await setTeamTimeZone(db, teamId, timeZone);
  return json({ team: { id: teamId, timeZone } });
});
