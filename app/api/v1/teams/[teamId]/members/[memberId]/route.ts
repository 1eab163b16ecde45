import * as z from "zod";
import { requireActor } from "@/lib/server/auth/actor";
import { getAuth } from "@/lib/server/auth/auth";
import { authorize } from "@/lib/server/authorize";
import { readJsonBody } from "@/lib/server/http/body";
import { assertAllowed } from "@/lib/server/http/deny";
import { ProblemError } from "@/lib/server/http/problem";
import { json, parseParams, type RequestContext, route } from "@/lib/server/http/route";
import { changeRoleBody, idSchema } from "@/lib/server/http/schemas";
import { changeRole, leaveTeam, removeMember } from "@/lib/server/teams/commands";
import { countOwners, getMember } from "@/lib/server/teams/queries";

/** PATCH: change a member's role. DELETE: remove a member, or leave the team (my own membership). */
export const dynamic = "force-dynamic";

const params = z.object({ teamId: idSchema, memberId: idSchema });

async function load(req: Request, ctx: RequestContext) {
  const { user, db, actor } = await requireActor(req, ctx);
  const { teamId, memberId } = parseParams(ctx.params, params);
  assertAllowed(authorize(actor, { kind: "team.view", teamId }));
  const member = await getMember(db, memberId);
  // A member of another team is "not found" here, whatever its id.
  if (!member || member.teamId !== teamId) throw new ProblemError("not-found", "No such member in this team.");
  return { user, db, actor, teamId, member, ownerCount: await countOwners(db, teamId) };
}

export const PATCH = route(async (req, ctx) => {
  const { actor, teamId, member, ownerCount } = await load(req, ctx);
  const { role } = await readJsonBody(req, changeRoleBody);
  assertAllowed(authorize(actor, { kind: "member.changeRole", teamId, target: member, newRole: role, ownerCount }));
  if (role !== member.role) await changeRole(await getAuth(), req.headers, { teamId, memberId: member.memberId, role });
  return json({ member: { memberId: member.memberId, role } });
});

export const DELETE = route(async (req, ctx) => {
  const { user, actor, teamId, member, ownerCount } = await load(req, ctx);
  assertAllowed(authorize(actor, { kind: "member.remove", teamId, target: member, ownerCount }));
  const auth = await getAuth();
  if (member.userId === user.id) await leaveTeam(auth, req.headers, teamId);
  else await removeMember(auth, req.headers, { teamId, memberId: member.memberId });
  return json({ removed: true, left: member.userId === user.id });
});
