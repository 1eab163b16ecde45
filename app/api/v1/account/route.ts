import { isAPIError } from "better-auth/api";
import { deleteAccount } from "@/lib/server/accounts/account";
import { getAuth, SESSION_COOKIE_PREFIX } from "@/lib/server/auth/auth";
import { problemFromAuthError, requireUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { readJsonBody } from "@/lib/server/http/body";
import { ProblemError } from "@/lib/server/http/problem";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/http/rate-limit";
import { json, route } from "@/lib/server/http/route";
import { deleteAccountBody } from "@/lib/server/http/schemas";
import { mirrorSignedInHint } from "@/lib/server/auth/signed-in-hint";

/**
 * DELETE: deletes the signed-in account and everything it owns, after the password confirms it
 * is really them. The session cookie is cleared in the same answer.
 */
export const dynamic = "force-dynamic";
export const DELETE = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { password } = await readJsonBody(req, deleteAccountBody);
  const db = await getDb();
  await enforceRateLimit(db, `password-check:${user.id}`, RATE_LIMITS.passwordChecksPerUser);
  const auth = await getAuth();
  try {
    await auth.api.verifyPassword({ headers: req.headers, body: { password } });
  } catch (error) {
    if (isAPIError(error) && error.body?.code === "INVALID_PASSWORD") {
      throw new ProblemError("validation-failed", "password: That is not your password.", {
        extensions: { errors: [{ field: "password", message: "That is not your password." }] },
      });
    }
    problemFromAuthError(error);
  }
  await deleteAccount(db, user.id);
  const response = json({ deleted: true });
  for (const name of [`${SESSION_COOKIE_PREFIX}.session_token`, `${SESSION_COOKIE_PREFIX}.session_data`]) {
    response.headers.append("set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`);
    response.headers.append("set-cookie", `__Secure-${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`);
  }
  return mirrorSignedInHint(response);
});
