import * as z from "zod";
import { requireActor } from "@/lib/server/auth/actor";
import { getAuth } from "@/lib/server/auth/auth";
import { authorize } from "@/lib/server/authorize";
import { getEnv } from "@/lib/server/env";
import { readJsonBody } from "@/lib/server/http/body";
import { assertAllowed } from "@/lib/server/http/deny";
import { requestOrigin } from "@/lib/server/http/origin";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/http/rate-limit";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema, inviteBody } from "@/lib/server/http/schemas";
import { createMailer, invitationEmail, trySend } from "@/lib/server/mail";
import { inviteToTeam } from "@/lib/server/teams/commands";
import { getTeam } from "@/lib/server/teams/queries";

/**
 * POST: invite someone by email address. Answers the link to share (the invitation id is its
 * unguessable token); emails it too when SMTP is configured.
 */
export const dynamic = "force-dynamic";
export const POST = route(async (req, ctx) => {
  const { user, db, actor } = await requireActor(req, ctx);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  // Refuse outsiders and plain members before reading anything they sent.
  assertAllowed(authorize(actor, { kind: "invitation.create", teamId, role: "member" }));
  const { email, role } = await readJsonBody(req, inviteBody);
  assertAllowed(authorize(actor, { kind: "invitation.create", teamId, role }));
  await enforceRateLimit(db, `invite:${user.id}`, RATE_LIMITS.invitationsPerUser);
  const invitation = await inviteToTeam(await getAuth(), req.headers, { teamId, email, role });
  const env = getEnv();
  const link = new URL(`/invite/${invitation.id}`, env.BETTER_AUTH_URL ?? requestOrigin(req)).toString();
  const team = await getTeam(db, teamId);
  const emailed = await trySend(createMailer(env), {
    to: email,
    ...invitationEmail({ teamName: team?.name ?? "a team", inviterName: user.name, role, link, expiresAt: invitation.expiresAt }),
  });
  return json({ invitation: { ...invitation, link }, emailed }, { status: 201 });
});
