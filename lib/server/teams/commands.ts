import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Auth } from "../auth/auth";
import type { TeamRole } from "../auth/roles";
import { problemFromAuthError } from "../auth/session";
import { organizations } from "../db/schema";
import type { Queryable } from "../db/types";
import { ProblemError } from "../http/problem";

/**
 * Writes to teams, through the organization plugin's server API so its own checks, hooks and
 * single-use invitation logic apply. Route handlers call these only after lib/server/authorize.ts
 * has allowed the action; the plugin's checks agree with it (same roles) and stay as a second lock.
 * `headers` carry the caller's session cookie: the plugin acts as that user.
 */

/** A slug is required by the plugin and unique; Quorum addresses teams by id, so any unique one will do. */
function slugFor(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "team"}-${randomBytes(4).toString("hex")}`;
}

export async function createTeam(auth: Auth, headers: Headers, name: string): Promise<{ id: string; name: string }> {
  try {
    const team = await auth.api.createOrganization({ headers, body: { name, slug: slugFor(name), keepCurrentActiveOrganization: true } });
    if (!team) throw new Error("createOrganization returned nothing");
    return { id: team.id, name: team.name };
  } catch (error) {
    return problemFromAuthError(error);
  }
}

const ALREADY = {
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: new ProblemError("conflict", "That person is already in this team."),
};

export async function inviteToTeam(
  auth: Auth,
  headers: Headers,
  input: { teamId: string; email: string; role: TeamRole },
): Promise<{ id: string; email: string; role: TeamRole; expiresAt: Date }> {
  try {
    const invitation = await auth.api.createInvitation({
      headers,
      body: { organizationId: input.teamId, email: input.email, role: input.role },
    });
    return { id: invitation.id, email: invitation.email, role: input.role, expiresAt: new Date(invitation.expiresAt) };
  } catch (error) {
    return problemFromAuthError(error, ALREADY);
  }
}

export async function revokeInvitation(auth: Auth, headers: Headers, invitationId: string): Promise<void> {
  try {
    await auth.api.cancelInvitation({ headers, body: { invitationId } });
  } catch (error) {
    problemFromAuthError(error);
  }
}

export async function acceptInvitation(auth: Auth, headers: Headers, invitationId: string): Promise<{ teamId: string }> {
  try {
    const result = await auth.api.acceptInvitation({ headers, body: { invitationId } });
    if (!result) throw new Error("acceptInvitation returned nothing");
    return { teamId: result.member.organizationId };
  } catch (error) {
    return problemFromAuthError(error, {
      INVITATION_NOT_FOUND: new ProblemError("not-found", "This invitation is no longer valid: it was used, revoked or has expired."),
      YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION: new ProblemError("forbidden", "This invitation was sent to another email address. Sign in with that address to accept it."),
      USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: ALREADY.USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION,
    });
  }
}

export async function changeRole(auth: Auth, headers: Headers, input: { teamId: string; memberId: string; role: TeamRole }): Promise<void> {
  try {
    await auth.api.updateMemberRole({ headers, body: { organizationId: input.teamId, memberId: input.memberId, role: input.role } });
  } catch (error) {
    problemFromAuthError(error);
  }
}

export async function removeMember(auth: Auth, headers: Headers, input: { teamId: string; memberId: string }): Promise<void> {
  try {
    await auth.api.removeMember({ headers, body: { organizationId: input.teamId, memberIdOrEmail: input.memberId } });
  } catch (error) {
    problemFromAuthError(error);
  }
}

export async function leaveTeam(auth: Auth, headers: Headers, teamId: string): Promise<void> {
  try {
    await auth.api.leaveOrganization({ headers, body: { organizationId: teamId } });
  } catch (error) {
    problemFromAuthError(error);
  }
}

/**
 * Sets the zone in which the team's due dates are days. `timeZone` is already canonical
 * (timeZoneSchema); the column is Quorum's own, so it is written directly, not through the plugin.
 */
export async function setTeamTimeZone(db: Queryable, teamId: string, timeZone: string): Promise<void> {
  await db.update(organizations).set({ timeZone }).where(eq(organizations.id, teamId));
}
