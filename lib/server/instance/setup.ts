import "server-only";
import { randomUUID } from "node:crypto";
import type { Auth } from "../auth/auth";
import { problemFromAuthError } from "../auth/session";
import type { Db } from "../db/types";
import { ProblemError } from "../http/problem";
import { log } from "../log";
import { isSetUp } from "./admin";
import { claimSetting, deleteSetting, insertSettingIfAbsent, SETTING_KEYS } from "./settings";

/** A claim older than this belongs to a setup that died half-way; another may take over. */
const STALE_CLAIM_SECONDS = 120;

/**
 * The one-time setup: the first visitor creates the instance admin. Race-safe: a setup first
 * claims the `setup_claim` row (one atomic upsert, so of two concurrent setups exactly one
 * proceeds; the other gets 409), then signs the admin up, then records who the admin is. A
 * failed sign-up (say, a short password) releases the claim so the visitor can try again.
 * Public sign-up stays closed until the admin exists (see the auth route).
 */
export async function runSetup(
  auth: Auth,
  db: Db,
  input: { name: string; email: string; password: string },
  headers: Headers,
): Promise<{ userId: string; cookies: string[] }> {
  if (await isSetUp(db)) throw new ProblemError("already-set-up", "This Quorum already has its admin. Sign in instead.");
  const claim = randomUUID();
  if (!(await claimSetting(db, SETTING_KEYS.setupClaim, claim, STALE_CLAIM_SECONDS))) {
    throw new ProblemError("already-set-up", "Someone else is setting up this Quorum right now.");
  }
  let result: Awaited<ReturnType<typeof signUp>>;
  try {
    result = await signUp(auth, input, headers);
  } catch (error) {
    await deleteSetting(db, SETTING_KEYS.setupClaim, claim);
    throw error;
  }
  const admin = await insertSettingIfAbsent(db, SETTING_KEYS.adminUserId, result.userId);
  if (admin !== result.userId) throw new Error("setup raced past its claim"); // cannot happen while the claim holds
  log("info", "instance set up", { adminUserId: result.userId });
  return result;
}

async function signUp(auth: Auth, input: { name: string; email: string; password: string }, headers: Headers) {
  try {
    const { headers: out, response } = await auth.api.signUpEmail({ body: input, headers, returnHeaders: true });
    return { userId: response.user.id, cookies: out.getSetCookie() };
  } catch (error) {
    return problemFromAuthError(error);
  }
}
