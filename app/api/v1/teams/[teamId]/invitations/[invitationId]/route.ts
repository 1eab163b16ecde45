import * as z from "zod";
import { requireActor } from "@/lib/server/auth/actor";
import { getAuth } from "@/lib/server/auth/auth";
import { authorize } from "@/lib/server/authorize";
import { assertAllowed } from "@/lib/server/http/deny";
import { ProblemError } from "@/lib/server/http/problem";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { revokeInvitation } from "@/lib/server/teams/commands";
import { getInvitation } from "@/lib/server/teams/queries";

/** DELETE: revoke a pending invitation of this team (its link stops working). */
export const dynamic = "force-dynamic";
export const DELETE = route(async (req, ctx) => {
  const { db, actor } = await requireActor(req, ctx);
  const { teamId, invitationId } = parseParams(ctx.params, z.object({ teamId: idSchema, invitationId: idSchema }));
  assertAllowed(authorize(actor, { kind: "invitation.revoke", teamId }));
  const invitation = await getInvitation(db, invitationId);
  // An invitation of another team is "not found" here, whatever its id.
  if (!invitation || invitation.teamId !== teamId) throw new ProblemError("not-found", "No such invitation in this team.");
  if (invitation.status !== "pending") throw new ProblemError("conflict", `This invitation is already ${invitation.status}.`);
  await revokeInvitation(await getAuth(), req.headers, invitationId);
  return json({ revoked: true });
});
