/**
 * A small instance to test authorization against: an admin who owns team Alpha and team Beta,
 * a lead and a plain member in Alpha, an outsider who is a plain member of Beta only.
 */
import { eq } from "drizzle-orm";
import * as z from "zod";
import * as acceptRoute from "@/app/api/v1/invitations/[token]/accept/route";
import * as invitationsRoute from "@/app/api/v1/teams/[teamId]/invitations/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import * as authRoute from "@/app/api/v1/auth/[...all]/route";
import { getDb } from "@/lib/server/db/client";
import { members, sessions } from "@/lib/server/db/schema";
import type { TeamRole } from "@/lib/server/auth/roles";
import { call, cookieFrom, type Session, setupAdmin, signUp } from "./api";

export async function createTeam(owner: Session, name: string): Promise<string> {
  const answer = await call(teamsRoute.POST, { path: "/api/v1/teams", body: { name }, session: owner });
  if (answer.status !== 201) throw new Error(`create team ${answer.status}: ${answer.text}`);
  return z.object({ team: z.object({ id: z.string() }) }).parse(answer.body).team.id;
}

export async function invite(by: Session, teamId: string, email: string, role: TeamRole): Promise<{ id: string; link: string }> {
  const answer = await call(invitationsRoute.POST, { path: `/api/v1/teams/${teamId}/invitations`, params: { teamId }, body: { email, role }, session: by });
  if (answer.status !== 201) throw new Error(`invite ${answer.status}: ${answer.text}`);
  return z.object({ invitation: z.object({ id: z.string(), link: z.string() }) }).parse(answer.body).invitation;
}

export async function join(by: Session, teamId: string, who: Session, role: TeamRole): Promise<string> {
  const { id } = await invite(by, teamId, who.email, role);
  const answer = await call(acceptRoute.POST, { path: `/api/v1/invitations/${id}/accept`, params: { token: id }, session: who });
  if (answer.status !== 200) throw new Error(`accept ${answer.status}: ${answer.text}`);
  return memberIdOf(teamId, who.userId);
}

export async function memberIdOf(teamId: string, userId: string): Promise<string> {
  const db = await getDb();
  const rows = await db.select({ id: members.id, teamId: members.organizationId }).from(members).where(eq(members.userId, userId));
  const row = rows.find((r) => r.teamId === teamId);
  if (!row) throw new Error("not a member");
  return row.id;
}

/** Signs the user in once more and expires that new session in the database. */
export async function expiredSessionOf(user: Session): Promise<{ cookie: string }> {
  const answer = await call(authRoute.POST, { path: "/api/v1/auth/sign-in/email", body: { email: user.email, password: user.password } });
  const cookie = cookieFrom(answer);
  const token = decodeURIComponent(cookie.split("=")[1] ?? "").split(".")[0] ?? "";
  const db = await getDb();
  const updated = await db.update(sessions).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(sessions.token, token)).returning();
  if (updated.length !== 1) throw new Error("could not expire the session");
  return { cookie };
}

/** A session cookie with the right name and shape but a signature the server never made. */
export function forgedSessionOf(user: Session): { cookie: string } {
  const [name, value] = user.cookie.split("=");
  const decoded = decodeURIComponent(value ?? "");
  const [token, signature = ""] = decoded.split(".");
  const flipped = signature.slice(0, -2) + (signature.endsWith("A") ? "BB" : "AA");
  return { cookie: `${name}=${encodeURIComponent(`${token}.${flipped}`)}` };
}

export interface World {
  admin: Session;
  lead: Session;
  member: Session;
  outsider: Session;
  alpha: string;
  beta: string;
  leadMemberId: string;
  memberMemberId: string;
  adminAlphaMemberId: string;
  outsiderBetaMemberId: string;
}

export async function buildWorld(): Promise<World> {
  const admin = await setupAdmin();
  const [lead, member, outsider] = [await signUp("Lena Lead"), await signUp("Mo Member"), await signUp("Otto Outsider")];
  const alpha = await createTeam(admin, "Alpha");
  const beta = await createTeam(admin, "Beta");
  const leadMemberId = await join(admin, alpha, lead, "lead");
  const memberMemberId = await join(admin, alpha, member, "member");
  const outsiderBetaMemberId = await join(admin, beta, outsider, "member");
  return {
    admin,
    lead,
    member,
    outsider,
    alpha,
    beta,
    leadMemberId,
    memberMemberId,
    adminAlphaMemberId: await memberIdOf(alpha, admin.userId),
    outsiderBetaMemberId,
  };
}
