import * as z from "zod";
import { getAuth } from "@/lib/server/auth/auth";
import { requireUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { ProblemError } from "@/lib/server/http/problem";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/http/rate-limit";
import { clientAddress, json, parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { acceptInvitation } from "@/lib/server/teams/commands";
import { getInvitation } from "@/lib/server/teams/queries";

/**
 * POST: accept an invitation as the signed-in user, whose email must be the one invited.
 * Single use: the plugin moves it from pending to accepted in one conditional update.
 */
export const dynamic = "force-dynamic";
export const POST = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { token } = parseParams(ctx.params, z.object({ token: idSchema }));
  const db = await getDb();
  await enforceRateLimit(db, `invitation-lookup:${clientAddress(req.headers)}`, RATE_LIMITS.invitationLookupsPerAddress);
  const invitation = await getInvitation(db, token);
  if (!invitation) throw new ProblemError("not-found", "This invitation link is not valid.");
  if (invitation.status !== "pending") throw new ProblemError("conflict", `This invitation is ${invitation.status}: ask for a new link.`);
  if (invitation.email !== user.email.toLowerCase()) {
    throw new ProblemError("forbidden", "This invitation was sent to another email address: sign in with that address to accept it.");
  }
  const { teamId } = await acceptInvitation(await getAuth(), req.headers, token);
  return json({ teamId });
});
