import * as z from "zod";
import { requireActor } from "@/lib/server/auth/actor";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { loadFactsOf } from "@/lib/server/sync/facts";
import { loadMemberProgress } from "@/lib/server/tracks/member-progress";

/** GET: one member's progress on what this team assigns them, for the team's leads and owners. */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const { db, actor } = await requireActor(req, ctx);
  const { teamId, memberId } = parseParams(ctx.params, z.object({ teamId: idSchema, memberId: idSchema }));
  return json(await loadMemberProgress(db, actor, teamId, memberId, new Date(), loadFactsOf));
});
