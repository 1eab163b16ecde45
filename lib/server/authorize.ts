/**
 * The one place that answers "may user U do action A on object O". Pure: the caller loads the
 * facts (the actor's roles, the target's role, how many owners a team has) and asks; the
 * answer says why not, with the status a route should use. Tested as a table in
 * tests/unit/server/authorize.test.ts.
 *
 * Rules (DESIGN.md "Roles"): the instance admin (first account) and anyone who leads or owns a
 * team may create one. In a team, owners and leads manage members and invitations; only an
 * owner touches an owner or makes one; a team always keeps an owner. A lead sees the progress
 * of the members of the teams they lead; a member sees their own. Nobody else sees anything:
 * to someone outside a team, the team does not exist (404, not 403).
 */
import { roleAllows, type TeamRole } from "./auth/roles";

export interface Actor {
  userId: string;
  isAdmin: boolean;
  /** teamId → the actor's role in that team. */
  roles: ReadonlyMap<string, TeamRole>;
}

export interface TargetMember {
  userId: string;
  role: TeamRole;
}

export type Action =
  | { kind: "team.create" }
  | { kind: "team.view"; teamId: string }
  /** See every member and the pending invitations (a plain member sees only the leads). */
  | { kind: "team.manage"; teamId: string }
  | { kind: "invitation.create"; teamId: string; role: TeamRole }
  | { kind: "invitation.revoke"; teamId: string }
  | { kind: "member.changeRole"; teamId: string; target: TargetMember; newRole: TeamRole; ownerCount: number }
  | { kind: "member.remove"; teamId: string; target: TargetMember; ownerCount: number }
  | { kind: "team.leave"; teamId: string; ownerCount: number }
  /** Delete one's own account (the admin only while nobody else has one, or the instance has no admin). */
  | { kind: "account.delete"; otherUsers: number }
  /** Read a person's progress (for what their teams assign them); `subjectTeams` are the teams they are in. */
  | { kind: "progress.view"; subjectUserId: string; subjectTeams: ReadonlyMap<string, TeamRole> }
  /** See a team's tracks, draft and archived ones included, and who has them. */
  | { kind: "track.manage"; teamId: string }
  /** Change a team track's content, publish it, assign or unassign it: not once it is archived. */
  | { kind: "track.edit"; teamId: string; trackTeamId: string; status: "draft" | "published" | "archived" }
  /** A learner reads a team track: only a published one that is assigned to them. */
  | { kind: "track.read"; assigned: boolean; status: "draft" | "published" | "archived" }
  /** The lead's dashboard of a team: every member's progress on the team's tracks, its CSV and who holds certificates. */
  | { kind: "team.dashboard"; teamId: string };

export type Decision =
  | { allowed: true; because: string }
  | { allowed: false; status: 403 | 404 | 409; reason: string };

const allow = (because: string): Decision => ({ allowed: true, because });
const deny = (status: 403 | 404 | 409, reason: string): Decision => ({ allowed: false, status, reason });
const NOT_IN_TEAM = deny(404, "No such team, or you are not in it.");

export function authorize(actor: Actor, action: Action): Decision {
  switch (action.kind) {
    case "team.create": {
      if (actor.isAdmin) return allow("the instance admin may create teams");
      const leadsSomewhere = [...actor.roles.values()].some((role) => role === "owner" || role === "lead");
      return leadsSomewhere
        ? allow("leads and owners may create teams")
        : deny(403, "Only the instance admin, or someone who leads or owns a team, may create a team.");
    }
    case "team.view": {
      return actor.roles.has(action.teamId) ? allow("members see their team") : NOT_IN_TEAM;
    }
    case "team.manage": {
      const role = actor.roles.get(action.teamId);
      if (!role) return NOT_IN_TEAM;
      return roleAllows(role, { member: ["update"] }) ? allow(`${role}s manage the team`) : deny(403, "Only the team's leads and owners manage it.");
    }
    case "invitation.create": {
      const role = actor.roles.get(action.teamId);
      if (!role) return NOT_IN_TEAM;
      if (!roleAllows(role, { invitation: ["create"] })) return deny(403, "Only the team's leads and owners may invite.");
      if (action.role === "owner" && role !== "owner") return deny(403, "Only an owner may invite another owner.");
      return allow(`${role}s invite`);
    }
    case "invitation.revoke": {
      const role = actor.roles.get(action.teamId);
      if (!role) return NOT_IN_TEAM;
      return roleAllows(role, { invitation: ["cancel"] }) ? allow(`${role}s revoke invitations`) : deny(403, "Only the team's leads and owners may revoke invitations.");
    }
    case "member.changeRole": {
      const role = actor.roles.get(action.teamId);
      if (!role) return NOT_IN_TEAM;
      if (!roleAllows(role, { member: ["update"] })) return deny(403, "Only the team's leads and owners may change roles.");
      const touchesOwnership = action.target.role === "owner" || action.newRole === "owner";
      if (touchesOwnership && role !== "owner") return deny(403, "Only an owner may make someone an owner or change an owner's role.");
      if (action.target.role === "owner" && action.newRole !== "owner" && action.ownerCount <= 1) {
        return deny(409, "A team needs an owner: make someone else an owner first.");
      }
      return allow(`${role}s change roles`);
    }
    case "member.remove": {
      const role = actor.roles.get(action.teamId);
      if (!role) return NOT_IN_TEAM;
      if (action.target.userId === actor.userId) return authorize(actor, { kind: "team.leave", teamId: action.teamId, ownerCount: action.ownerCount });
      if (!roleAllows(role, { member: ["delete"] })) return deny(403, "Only the team's leads and owners may remove someone.");
      if (action.target.role === "owner" && role !== "owner") return deny(403, "Only an owner may remove an owner.");
      if (action.target.role === "owner" && action.ownerCount <= 1) return deny(409, "A team needs an owner.");
      return allow(`${role}s remove members`);
    }
    case "team.leave": {
      const role = actor.roles.get(action.teamId);
      if (!role) return NOT_IN_TEAM;
      if (role === "owner" && action.ownerCount <= 1) {
        return deny(409, "You are the team's only owner: make someone else an owner before you leave.");
      }
      return allow("anyone may leave a team");
    }
    case "account.delete": {
      if (actor.isAdmin && action.otherUsers > 0) {
        return deny(409, "You are this Quorum's admin: while other people have accounts here, the admin account cannot be deleted.");
      }
      return allow("everyone may delete their own account");
    }
    case "track.manage": {
      const role = actor.roles.get(action.teamId);
      if (!role) return NOT_IN_TEAM;
      return roleAllows(role, { track: ["manage"] }) ? allow(`${role}s build and assign team tracks`) : deny(403, "Only the team's leads and owners manage its tracks.");
    }
    case "track.edit": {
      const managing = authorize(actor, { kind: "track.manage", teamId: action.teamId });
      if (!managing.allowed) return managing;
      // Another team's track is not found here, whatever its id.
      if (action.trackTeamId !== action.teamId) return deny(404, "No such track in this team.");
      if (action.status === "archived") return deny(409, "This track is archived: it can no longer be changed or assigned.");
      return managing;
    }
    case "track.read": {
      return action.assigned && action.status === "published" ? allow("learners see the published tracks assigned to them") : deny(404, "No such track assigned to you.");
    }
    case "progress.view": {
      if (action.subjectUserId === actor.userId) return allow("everyone sees their own progress");
      const teams = teamsWhereVisible(actor, action.subjectTeams);
      return teams.length > 0 ? allow(`they lead a team the person is in (${teams.join(", ")})`) : deny(404, "No such person among the teams you lead.");
    }
    case "team.dashboard": {
      const role = actor.roles.get(action.teamId);
      if (!role) return NOT_IN_TEAM;
      return roleAllows(role, { progress: ["read"] }) ? allow(`${role}s follow the team's progress`) : deny(403, "Only the team's leads and owners see its progress.");
    }
  }
}

/**
 * The teams through which `viewer` may read the progress of someone who is in `subjectTeams`:
 * those the viewer leads or owns. What they then see is limited to what each team assigns.
 */
export function teamsWhereVisible(viewer: Actor, subjectTeams: ReadonlyMap<string, TeamRole>): string[] {
  return [...subjectTeams.keys()].filter((teamId) => {
    const role = viewer.roles.get(teamId);
    return role !== undefined && roleAllows(role, { progress: ["read"] });
  });
}
