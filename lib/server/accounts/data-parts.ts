import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { parseTeamRole } from "../auth/roles";
import { invitations, members, organizations, sessions, users } from "../db/schema";
import type { Queryable, Tx } from "../db/types";
import { getAdminUserId } from "../instance/admin";
import { certificatesPart } from "../certificates/account-data";
import { teamTracksPart } from "../tracks/account-data";
import { syncedProgress } from "../sync/account-data";

/**
 * Everything an account owns, part by part. The export ("download all my data"), the deletion
 * confirmation ("this will go") and the deletion itself all walk this one list, so a new kind of
 * data (the synced progress facts, team tracks) is added once, here, and appears in all three.
 */
export interface AccountDataPart {
  /** The key of this part in the exported JSON. */
  key: string;
  /** What will be deleted, in words, for the confirmation; [] when there is nothing. */
  describe(db: Queryable, userId: string): Promise<string[]>;
  /** This part of the user's data, as plain JSON. */
  export(db: Queryable, userId: string): Promise<unknown>;
  /** Deletes this part, inside the account-deletion transaction, before the user row goes. */
  delete(tx: Tx, userId: string): Promise<void>;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const profile: AccountDataPart = {
  key: "account",
  async describe() {
    return ["Your account: your name, email address and password, so you can no longer sign in."];
  },
  async export(db, userId) {
    const [user] = await db
      .select({ id: users.id, name: users.name, email: users.email, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, userId));
    return { ...user, isInstanceAdmin: (await getAdminUserId(db)) === userId };
  },
  async delete() {
    // The user row itself is deleted last, by deleteAccount; sessions and the password go with it.
  },
};

const signedInSessions: AccountDataPart = {
  key: "sessions",
  async describe(db, userId) {
    const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
    return rows.length ? [`${plural(rows.length, "signed-in session", "signed-in sessions")}: every device is signed out.`] : [];
  },
  async export(db, userId) {
    return db
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt, userAgent: sessions.userAgent, ipAddress: sessions.ipAddress })
      .from(sessions)
      .where(eq(sessions.userId, userId));
  },
  async delete(tx, userId) {
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  },
};

/** Teams in which this user is the only owner: they go with the account, since nobody else could run them. */
async function soleOwnedTeams(db: Queryable, userId: string): Promise<{ id: string; name: string; others: number }[]> {
  const owned = await db
    .select({ id: organizations.id, name: organizations.name, role: members.role })
    .from(members)
    .innerJoin(organizations, eq(organizations.id, members.organizationId))
    .where(eq(members.userId, userId));
  const result: { id: string; name: string; others: number }[] = [];
  for (const team of owned.filter((t) => parseTeamRole(t.role) === "owner")) {
    const everyone = await db.select({ userId: members.userId, role: members.role }).from(members).where(eq(members.organizationId, team.id));
    const otherOwners = everyone.filter((m) => m.userId !== userId && parseTeamRole(m.role) === "owner").length;
    if (otherOwners === 0) result.push({ id: team.id, name: team.name, others: everyone.length - 1 });
  }
  return result;
}

const teamMemberships: AccountDataPart = {
  key: "teams",
  async describe(db, userId) {
    const lines: string[] = [];
    const sole = await soleOwnedTeams(db, userId);
    for (const team of sole) {
      lines.push(
        `The team “${team.name}”, because you are its only owner${team.others ? `: its ${plural(team.others, "other member loses", "other members lose")} it` : ""}.`,
      );
    }
    const soleIds = new Set(sole.map((t) => t.id));
    const other = (await db
      .select({ id: organizations.id, name: organizations.name })
      .from(members)
      .innerJoin(organizations, eq(organizations.id, members.organizationId))
      .where(eq(members.userId, userId))).filter((t) => !soleIds.has(t.id));
    if (other.length) lines.push(`Your place in ${plural(other.length, "team", "teams")}: ${other.map((t) => `“${t.name}”`).join(", ")}.`);
    return lines;
  },
  async export(db, userId) {
    const rows = await db
      .select({ teamId: organizations.id, teamName: organizations.name, role: members.role, joinedAt: members.createdAt })
      .from(members)
      .innerJoin(organizations, eq(organizations.id, members.organizationId))
      .where(eq(members.userId, userId));
    return rows.map((row) => ({ ...row, role: parseTeamRole(row.role) }));
  },
  async delete(tx, userId) {
    const sole = await soleOwnedTeams(tx, userId);
    if (sole.length) await tx.delete(organizations).where(inArray(organizations.id, sole.map((t) => t.id)));
    await tx.delete(members).where(eq(members.userId, userId));
  },
};

const invitationsSent: AccountDataPart = {
  key: "invitationsSent",
  async describe(db, userId) {
    const rows = await db
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.inviterId, userId), eq(invitations.status, "pending")));
    return rows.length ? [`${plural(rows.length, "pending invitation", "pending invitations")} you sent: the links stop working.`] : [];
  },
  async export(db, userId) {
    return db
      .select({ teamId: invitations.organizationId, email: invitations.email, role: invitations.role, status: invitations.status, createdAt: invitations.createdAt, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(eq(invitations.inviterId, userId), ne(invitations.status, "accepted")));
  },
  async delete(tx, userId) {
    await tx.delete(invitations).where(eq(invitations.inviterId, userId));
  },
};

/**
 * The parts, in the order they are shown and exported. To add one: write an AccountDataPart next
 * to your tables (for example lib/server/sync/account-data.ts) and append it here.
 */
export const accountDataParts: readonly AccountDataPart[] = [profile, signedInSessions, teamMemberships, invitationsSent, teamTracksPart, syncedProgress, certificatesPart];
