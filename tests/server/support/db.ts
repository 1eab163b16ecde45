/** Reads the whole database, to show that a refused request changed nothing. */
import { getDb } from "@/lib/server/db/client";
import {
  accounts,
  certificates,
  instanceSettings,
  lessonProgress,
  invitations,
  members,
  organizations,
  sessions,
  syncEntries,
  syncState,
  teamTrackAssignments,
  teamTrackRevisions,
  teamTracks,
  teamTrackViews,
  users,
  verifications,
} from "@/lib/server/db/schema";
const tables = {
  users,
  sessions,
  accounts,
  verifications,
  organizations,
  members,
  invitations,
  instanceSettings,
  syncState,
  syncEntries,
  lessonProgress,
  teamTracks,
  teamTrackRevisions,
  teamTrackAssignments,
  teamTrackViews,
  certificates,
};

/**
 * Every row of every table except the rate-limit counters (which refused requests do count) and
 * sessions that have expired (Better Auth deletes one when it is presented: it was dead already).
 */
export async function snapshot(): Promise<Record<string, string[]>> {
  const db = await getDb();
  const now = Date.now();
  const result: Record<string, string[]> = {};
  for (const [name, table] of Object.entries(tables)) {
    const rows = await db.select().from(table);
    const live = rows.filter((row) => !("expiresAt" in row && name === "sessions" && row.expiresAt instanceof Date && row.expiresAt.getTime() < now));
    result[name] = live.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}
