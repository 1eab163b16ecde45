import "server-only";
import type { Actor } from "../authorize";
import { getDb } from "../db/client";
import type { Db } from "../db/types";
import type { RequestContext } from "../http/route";
import { loadActor } from "../teams/queries";
import { requireUser, type SessionUser } from "./session";

/**
 * What every team endpoint starts with: the signed-in user (a 401 problem otherwise), named in
 * the request's log line, the database, and the user as an Actor (their roles in every team),
 * which the endpoint then authorizes against the exact object it touches.
 */
export async function requireActor(req: Request, ctx: RequestContext): Promise<{ user: SessionUser; db: Db; actor: Actor }> {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const db = await getDb();
  return { user, db, actor: await loadActor(db, user.id) };
}
