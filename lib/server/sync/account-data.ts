import "server-only";
import { count, eq } from "drizzle-orm";
import type { AccountDataPart } from "../accounts/data-parts";
import { syncEntries, syncState } from "../db/schema";
import { loadFactsOf } from "./facts";

/**
 * The synced progress as part of an account: "download all my data" includes the facts (the
 * same shape as the progress file the browser exports), and deleting the account removes them
 * (the rows would also go by cascade with the user row).
 */
export const syncedProgress: AccountDataPart = {
  key: "progress",
  async describe(db, userId) {
    const [row] = await db.select({ n: count() }).from(syncEntries).where(eq(syncEntries.userId, userId));
    const n = Number(row?.n ?? 0);
    return n ? [`Your synced progress: ${n} ${n === 1 ? "fact" : "facts"} (ticks, skips, quiz attempts and reviews) kept for your devices.`] : [];
  },
  async export(db, userId) {
    return (await loadFactsOf(db, [userId])).get(userId);
  },
  async delete(tx, userId) {
    await tx.delete(syncEntries).where(eq(syncEntries.userId, userId));
    await tx.delete(syncState).where(eq(syncState.userId, userId));
  },
};
