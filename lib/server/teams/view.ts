import "server-only";
import { type Actor, authorize } from "../authorize";
import type { TeamRole } from "../auth/roles";
import type { Queryable } from "../db/types";
import { ProblemError } from "../http/problem";
import { getTeam, listMembers, listPendingInvitations, type PendingInvitation, type TeamMember } from "./queries";

export interface TeamView {
  id: string;
  name: string;
  createdAt: Date;
  /** The IANA zone in which the team's due dates are days. */
  timeZone: string;
  myRole: TeamRole;
  myMemberId: string;
  canManage: boolean;
  /** Managers see everyone; a plain member sees the leads and owners, and themselves. */
  members: TeamMember[];
  /** Only for managers; [] otherwise. */
  invitations: PendingInvitation[];
  /** Who in this team can see the viewer's progress (for what the team assigns). */
  seenBy: TeamMember[];
}

/**
 * One team as `actor` may see it. Throws a 404 problem when the actor is not in the team, so a
 * team's existence is not revealed to outsiders.
 */
export async function teamViewFor(db: Queryable, actor: Actor, teamId: string): Promise<TeamView> {
  const view = authorize(actor, { kind: "team.view", teamId });
  const team = view.allowed ? await getTeam(db, teamId) : null;
  const myRole = actor.roles.get(teamId);
  if (!team || !myRole) throw new ProblemError("not-found", "No such team, or you are not in it.");
  const canManage = authorize(actor, { kind: "team.manage", teamId }).allowed;
  const everyone = await listMembers(db, teamId);
  const me = everyone.find((m) => m.userId === actor.userId);
  if (!me) throw new ProblemError("not-found", "No such team, or you are not in it.");
  const leaders = everyone.filter((m) => m.userId !== actor.userId && (m.role === "owner" || m.role === "lead"));
  return {
    id: team.id,
    name: team.name,
    createdAt: team.createdAt,
    timeZone: team.timeZone,
    myRole,
    myMemberId: me.memberId,
    canManage,
    members: canManage ? everyone : everyone.filter((m) => m.userId === actor.userId || m.role !== "member"),
    invitations: canManage ? await listPendingInvitations(db, teamId) : [],
    seenBy: leaders,
  };
}
