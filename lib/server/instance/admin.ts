import "server-only";
import type { Queryable } from "../db/types";
import { readSetting, SETTING_KEYS } from "./settings";

/** The instance admin: the account made by the one-time setup. Null until setup is done. */
export function getAdminUserId(db: Queryable): Promise<string | null> {
  return readSetting(db, SETTING_KEYS.adminUserId);
}

export async function isSetUp(db: Queryable): Promise<boolean> {
  return (await getAdminUserId(db)) !== null;
}
