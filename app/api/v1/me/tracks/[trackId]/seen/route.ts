import * as z from "zod";
import { requireUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { readJsonBody } from "@/lib/server/http/body";
import { ProblemError } from "@/lib/server/http/problem";
import { json, parseParams, route } from "@/lib/server/http/route";
import { seenBody, trackIdSchema } from "@/lib/server/tracks/body";
import { markSeen } from "@/lib/server/tracks/commands";
import { learnerViewOf } from "@/lib/server/tracks/view";

/** POST: I have seen this revision of a track assigned to me (its changes stop being shown). */
export const dynamic = "force-dynamic";

export const POST = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { trackId } = parseParams(ctx.params, z.object({ trackId: trackIdSchema }));
  const db = await getDb();
  const view = await learnerViewOf(db, user.id, trackId);
  const { revision } = await readJsonBody(req, seenBody);
  if (revision > view.revision) throw new ProblemError("conflict", `This track is at revision ${view.revision}; revision ${revision} does not exist yet.`);
  await markSeen(db, { trackId, userId: user.id, revision });
  return json({ seenRevision: Math.max(revision, view.seenRevision ?? 0) });
});
