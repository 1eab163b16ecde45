import * as z from "zod";
import { requireUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { loadFactsOf } from "@/lib/server/sync/facts";
import { loadActor } from "@/lib/server/teams/queries";
import { loadMemberProgress } from "@/lib/server/tracks/member-progress";

/** GET: one member's progress on what this team assigns them, for the team's leads and owners. */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { teamId, memberId } = parseParams(ctx.params, z.object({ teamId: idSchema, memberId: idSchema }));
  const db = await getDb();
  return json(await loadMemberProgress(db, await loadActor(db, user.id), teamId, memberId, new Date(), loadFactsOf));
});
