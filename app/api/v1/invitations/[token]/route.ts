import * as z from "zod";
import { getDb } from "@/lib/server/db/client";
import { ProblemError } from "@/lib/server/http/problem";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/http/rate-limit";
import { clientAddress, json, parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { getInvitation } from "@/lib/server/teams/queries";

/**
 * GET: what an invitation link offers (team, inviter, role, for which address, whether it is
 * still valid). The token is the credential: whoever holds the link may read this much, and no
 * more; lookups are rate-limited per address so tokens cannot be probed.
 */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const { token } = parseParams(ctx.params, z.object({ token: idSchema }));
  const db = await getDb();
  await enforceRateLimit(db, `invitation-lookup:${clientAddress(req.headers)}`, RATE_LIMITS.invitationLookupsPerAddress);
  const invitation = await getInvitation(db, token);
  if (!invitation) throw new ProblemError("not-found", "This invitation link is not valid.");
  const { id: _id, teamId: _teamId, ...visible } = invitation;
  return json({ invitation: visible });
});
