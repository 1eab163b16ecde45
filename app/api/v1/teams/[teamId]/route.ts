import * as z from "zod";
import { requireUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { loadActor } from "@/lib/server/teams/queries";
import { teamViewFor } from "@/lib/server/teams/view";

/** GET: the team as I may see it (managers: everyone and pending invitations; members: the leads). */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  const db = await getDb();
  return json({ team: await teamViewFor(db, await loadActor(db, user.id), teamId) });
});
