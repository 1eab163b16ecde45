import * as z from "zod";
import { getAuth } from "@/lib/server/auth/auth";
import { requireUser } from "@/lib/server/auth/session";
import { authorize } from "@/lib/server/authorize";
import { getDb } from "@/lib/server/db/client";
import { assertAllowed } from "@/lib/server/http/deny";
import { ProblemError } from "@/lib/server/http/problem";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { revokeInvitation } from "@/lib/server/teams/commands";
import { getInvitation, loadActor } from "@/lib/server/teams/queries";

/** DELETE: revoke a pending invitation of this team (its link stops working). */
export const dynamic = "force-dynamic";
export const DELETE = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { teamId, invitationId } = parseParams(ctx.params, z.object({ teamId: idSchema, invitationId: idSchema }));
  const db = await getDb();
  const actor = await loadActor(db, user.id);
  assertAllowed(authorize(actor, { kind: "invitation.revoke", teamId }));
  const invitation = await getInvitation(db, invitationId);
  // An invitation of another team is "not found" here, whatever its id.
  if (!invitation || invitation.teamId !== teamId) throw new ProblemError("not-found", "No such invitation in this team.");
  if (invitation.status !== "pending") throw new ProblemError("conflict", `This invitation is already ${invitation.status}.`);
  await revokeInvitation(await getAuth(), req.headers, invitationId);
  return json({ revoked: true });
});
