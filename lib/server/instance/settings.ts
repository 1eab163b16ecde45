import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { instanceSettings } from "../db/schema";
import type { Queryable } from "../db/types";

export const SETTING_KEYS = {
  authSecret: "auth_secret",
  setupClaim: "setup_claim",
  adminUserId: "admin_user_id",
} as const;

export async function readSetting(db: Queryable, key: string): Promise<string | null> {
  const rows = await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, key));
  return rows[0]?.value ?? null;
}

/** Writes `value` unless the key already has one; returns the value that is stored either way. */
export async function insertSettingIfAbsent(db: Queryable, key: string, value: string): Promise<string> {
  await db.insert(instanceSettings).values({ key, value }).onConflictDoNothing({ target: instanceSettings.key });
  const stored = await readSetting(db, key);
  if (stored === null) throw new Error(`instance setting ${key} vanished`);
  return stored;
}

/**
 * Takes the key for `value` if it is free, or if whoever holds it took it more than
 * `staleAfterSeconds` ago (a setup that crashed half-way). One upsert: two callers cannot both win.
 */
export async function claimSetting(db: Queryable, key: string, value: string, staleAfterSeconds: number): Promise<boolean> {
  const rows = await db
    .insert(instanceSettings)
    .values({ key, value })
    .onConflictDoUpdate({
      target: instanceSettings.key,
      set: { value, updatedAt: sql`now()` },
      setWhere: lt(instanceSettings.updatedAt, sql`now() - make_interval(secs => ${staleAfterSeconds})`),
    })
    .returning({ value: instanceSettings.value });
  return rows[0]?.value === value;
}

export async function deleteSetting(db: Queryable, key: string, onlyIfValue?: string): Promise<void> {
  await db
    .delete(instanceSettings)
    .where(onlyIfValue === undefined ? eq(instanceSettings.key, key) : and(eq(instanceSettings.key, key), eq(instanceSettings.value, onlyIfValue)));
}
