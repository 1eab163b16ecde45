import "server-only";
import { count, eq, ne } from "drizzle-orm";
import { forgetSessionsOfUser } from "../auth/session-cache";
import { authorize } from "../authorize";
import { users } from "../db/schema";
import type { Db, Queryable } from "../db/types";
import { ProblemError } from "../http/problem";
import { deleteSetting, SETTING_KEYS } from "../instance/settings";
import { loadActor } from "../teams/queries";
import { accountDataParts } from "./data-parts";

export const ACCOUNT_EXPORT_FORMAT = "quorum-account";
export const ACCOUNT_EXPORT_VERSION = 1;

/** "Download all my data": every part of the account as one JSON document. */
export async function exportAccountData(db: Queryable, userId: string, now = new Date()) {
  const parts: Record<string, unknown> = {};
  for (const part of accountDataParts) parts[part.key] = await part.export(db, userId);
  return { format: ACCOUNT_EXPORT_FORMAT, version: ACCOUNT_EXPORT_VERSION, exportedAt: now.toISOString(), ...parts };
}

/** The confirmation's list of what deleting the account removes. */
export async function describeAccountDeletion(db: Queryable, userId: string): Promise<string[]> {
  const lines: string[] = [];
  for (const part of accountDataParts) lines.push(...(await part.describe(db, userId)));
  return lines;
}

async function otherUserCount(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users).where(ne(users.id, userId));
  return row?.n ?? 0;
}

/** Whether this user may delete their account now (the admin must be the last one out). */
export async function checkAccountDeletion(db: Queryable, userId: string) {
  return authorize(await loadActor(db, userId), { kind: "account.delete", otherUsers: await otherUserCount(db, userId) });
}

/**
 * Deletes the account and everything it owns, in one transaction: every part, then the user
 * (sessions and the password go with it). All or nothing. If the admin, alone, deletes their
 * account, the instance goes back to its first-visit setup.
 */
export async function deleteAccount(db: Db, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const decision = await checkAccountDeletion(tx, userId);
    if (!decision.allowed) throw new ProblemError("conflict", decision.reason);
    for (const part of accountDataParts) await part.delete(tx, userId);
    const actor = await loadActor(tx, userId);
    if (actor.isAdmin) {
      await deleteSetting(tx, SETTING_KEYS.adminUserId);
      await deleteSetting(tx, SETTING_KEYS.setupClaim);
    }
    await tx.delete(users).where(eq(users.id, userId));
  });
  // The sessions went with the user (a cascade, which Better Auth's hooks do not see).
  forgetSessionsOfUser(userId);
}
