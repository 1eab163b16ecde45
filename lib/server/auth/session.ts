import "server-only";
import { isAPIError } from "better-auth/api";
import { ProblemError, problemTypeForStatus } from "../http/problem";
import { getAuth, SESSION_COOKIE_PREFIX } from "./auth";
import { cachedSessionUser, rememberSessionUser, sessionCacheGeneration } from "./session-cache";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

const SESSION_COOKIE = new RegExp(`(^|;\\s*)(__Secure-)?${SESSION_COOKIE_PREFIX}\\.session_token=`);

/** Whether the request carries a session cookie at all (if not, no need to ask the database). */
export function hasSessionCookie(headers: Headers): boolean {
  return SESSION_COOKIE.test(headers.get("cookie") ?? "");
}

const SESSION_COOKIE_PAIR = new RegExp(`^(__Secure-)?${SESSION_COOKIE_PREFIX}\\.session_token=`);

/**
 * The session cookie's value, or null when there is none or more than one (under either name:
 * then only Better Auth decides which counts). With exactly one, a session Better Auth found
 * for this request is that cookie's.
 */
export function sessionCookieValue(headers: Headers): string | null {
  const pairs = (headers.get("cookie") ?? "")
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => SESSION_COOKIE_PAIR.test(pair));
  if (pairs.length !== 1) return null;
  try {
    return decodeURIComponent(pairs[0]!.slice(pairs[0]!.indexOf("=") + 1)) || null;
  } catch {
    return null;
  }
}

/**
 * The signed-in user, or null: no cookie, a forged one (bad signature), an expired or revoked
 * session. Better Auth checks all of that against the sessions table; what it confirmed is
 * remembered in this process for a minute (session-cache.ts says how revocation stays prompt).
 */
export async function getSessionUser(headers: Headers): Promise<SessionUser | null> {
  if (!hasSessionCookie(headers)) return null;
  const cookie = sessionCookieValue(headers);
  const cached = cookie ? cachedSessionUser(cookie) : null;
  if (cached) return cached;
  const generation = sessionCacheGeneration();
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = { id: session.user.id, name: session.user.name, email: session.user.email };
  if (cookie) rememberSessionUser(cookie, user, new Date(session.session.expiresAt), generation);
  return user;
}

/** The signed-in user, or a 401 problem. */
export async function requireUser(req: Request): Promise<SessionUser> {
  const user = await getSessionUser(req.headers);
  if (!user) throw new ProblemError("unauthenticated", "Sign in to do this.");
  return user;
}

/**
 * Turns an error thrown by a Better Auth server call (auth.api.*) into a problem; anything else
 * is rethrown untouched. Its machine-readable code travels along as the `code` extension.
 */
export function problemFromAuthError(error: unknown, overrides: Record<string, ProblemError> = {}): never {
  if (!isAPIError(error)) throw error;
  const code = typeof error.body?.code === "string" ? error.body.code : undefined;
  if (code && overrides[code]) throw overrides[code];
  const status = error.statusCode;
  const message = typeof error.body?.message === "string" && error.body.message ? error.body.message : error.message;
  throw new ProblemError(problemTypeForStatus(status), message, { status, extensions: code ? { code } : {} });
}
