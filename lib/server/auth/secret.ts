import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../db/types";
import type { Env } from "../env";
import { insertSettingIfAbsent, SETTING_KEYS } from "../instance/settings";

/**
 * The secret that signs session cookies. BETTER_AUTH_SECRET when set; otherwise one generated on
 * first start and kept in the database, so every instance on one PostgreSQL shares it and a
 * restart keeps everyone signed in. Insert-if-absent in a transaction: when two instances start
 * at once, both read the one that won.
 */
export async function resolveAuthSecret(db: Db, env: Env): Promise<{ secret: string; source: "environment" | "database" }> {
  if (env.BETTER_AUTH_SECRET) return { secret: env.BETTER_AUTH_SECRET, source: "environment" };
  const candidate = randomBytes(32).toString("base64url");
  const secret = await db.transaction((tx) => insertSettingIfAbsent(tx, SETTING_KEYS.authSecret, candidate));
  return { secret, source: "database" };
}
