import "server-only";
import { and, asc, count, eq, gt } from "drizzle-orm";
import type { Actor } from "../authorize";
import { parseTeamRole, type TeamRole } from "../auth/roles";
import { invitations, members, organizations, users } from "../db/schema";
import type { Queryable } from "../db/types";
import { getAdminUserId } from "../instance/admin";

/** Reads for teams, members and invitations. Callers authorize before showing any of it. */

export async function loadActor(db: Queryable, userId: string): Promise<Actor> {
  const [adminId, rows] = await Promise.all([
    getAdminUserId(db),
    db.select({ teamId: members.organizationId, role: members.role }).from(members).where(eq(members.userId, userId)),
  ]);
  const roles = new Map<string, TeamRole>();
  for (const row of rows) {
    const role = parseTeamRole(row.role);
    if (role) roles.set(row.teamId, role);
  }
  return { userId, isAdmin: adminId === userId, roles };
}

export interface TeamSummary {
  id: string;
  name: string;
  role: TeamRole;
  memberCount: number;
  createdAt: Date;
  timeZone: string;
}

export async function listTeamsOf(db: Queryable, userId: string): Promise<TeamSummary[]> {
  const mine = await db
    .select({ id: organizations.id, name: organizations.name, role: members.role, createdAt: organizations.createdAt, timeZone: organizations.timeZone })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(eq(members.userId, userId))
    .orderBy(asc(organizations.name));
  const teams: TeamSummary[] = [];
  for (const team of mine) {
    const role = parseTeamRole(team.role);
    if (!role) continue;
    const [counted] = await db.select({ n: count() }).from(members).where(eq(members.organizationId, team.id));
    teams.push({ id: team.id, name: team.name, role, memberCount: counted?.n ?? 0, createdAt: team.createdAt, timeZone: team.timeZone });
  }
  return teams;
}

export interface Team {
  id: string;
  name: string;
  createdAt: Date;
  /** The IANA zone in which the team's due dates are days. */
  timeZone: string;
}

export async function getTeam(db: Queryable, teamId: string): Promise<Team | null> {
  const rows = await db
    .select({ id: organizations.id, name: organizations.name, createdAt: organizations.createdAt, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, teamId));
  return rows[0] ?? null;
}

export interface TeamMember {
  memberId: string;
  userId: string;
  name: string;
  email: string;
  role: TeamRole;
  joinedAt: Date;
}

export async function listMembers(db: Queryable, teamId: string): Promise<TeamMember[]> {
  const rows = await db
    .select({ memberId: members.id, userId: users.id, name: users.name, email: users.email, role: members.role, joinedAt: members.createdAt })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.organizationId, teamId))
    .orderBy(asc(users.name), asc(members.id)); // the id breaks ties, so pages of the list are stable
  return rows.flatMap((row) => {
    const role = parseTeamRole(row.role);
    return role ? [{ ...row, role }] : [];
  });
}

export async function getMember(db: Queryable, memberId: string): Promise<{ memberId: string; teamId: string; userId: string; role: TeamRole } | null> {
  const rows = await db
    .select({ memberId: members.id, teamId: members.organizationId, userId: members.userId, role: members.role })
    .from(members)
    .where(eq(members.id, memberId));
  const row = rows[0];
  const role = parseTeamRole(row?.role);
  return row && role ? { ...row, role } : null;
}

export async function countOwners(db: Queryable, teamId: string): Promise<number> {
  const rows = await db.select({ role: members.role }).from(members).where(eq(members.organizationId, teamId));
  return rows.filter((r) => parseTeamRole(r.role) === "owner").length;
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: TeamRole;
  expiresAt: Date;
  invitedBy: string;
}

export async function listPendingInvitations(db: Queryable, teamId: string, now = new Date()): Promise<PendingInvitation[]> {
  const rows = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, invitedBy: users.name })
    .from(invitations)
    .innerJoin(users, eq(users.id, invitations.inviterId))
    .where(and(eq(invitations.organizationId, teamId), eq(invitations.status, "pending"), gt(invitations.expiresAt, now)))
    .orderBy(asc(invitations.createdAt));
  return rows.map((row) => ({ ...row, role: parseTeamRole(row.role) ?? "member" }));
}

export interface InvitationView {
  id: string;
  teamId: string;
  teamName: string;
  email: string;
  role: TeamRole;
  status: "pending" | "accepted" | "expired" | "canceled" | "rejected";
  expiresAt: Date;
  invitedBy: string;
}

export async function getInvitation(db: Queryable, id: string, now = new Date()): Promise<InvitationView | null> {
  const rows = await db
    .select({
      id: invitations.id,
      teamId: invitations.organizationId,
      teamName: organizations.name,
      email: invitations.email,
      role: invitations.role,
      status: invitations.status,
      expiresAt: invitations.expiresAt,
      invitedBy: users.name,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(users, eq(users.id, invitations.inviterId))
    .where(eq(invitations.id, id));
  const row = rows[0];
  if (!row) return null;
  const stored = row.status === "accepted" || row.status === "canceled" || row.status === "rejected" ? row.status : "pending";
  const status = stored === "pending" && row.expiresAt <= now ? "expired" : stored;
  return { ...row, role: parseTeamRole(row.role) ?? "member", status };
}
