import "server-only";
import { SIGNED_IN_COOKIE, hasSignedInHint } from "@/lib/sync/hint";
import { SESSION_COOKIE_PREFIX } from "./auth";

/**
 * The signed-in hint (lib/sync/session.ts): a readable cookie that follows the session cookie,
 * so a page can tell without a request whether anyone may be signed in here. Whenever an answer
 * sets the session cookie, the hint is set with the same lifetime; whenever it clears it, the
 * hint goes too. It is never trusted for anything: the session is.
 */
const SESSION_SET_COOKIE = new RegExp(`^(__Secure-)?${SESSION_COOKIE_PREFIX.replace(/\./g, "\\.")}\\.session_token=([^;]*)(.*)$`, "i");

export function hintCookieFor(setCookie: string): string | null {
  const match = SESSION_SET_COOKIE.exec(setCookie);
  if (!match) return null;
  const [, , value = "", attributes = ""] = match;
  const secure = /;\s*secure/i.test(attributes) ? "; Secure" : "";
  const maxAge = /;\s*max-age=(-?\d+)/i.exec(attributes)?.[1];
  const expires = /;\s*expires=([^;]+)/i.exec(attributes)?.[1];
  if (value === "" || maxAge === "0" || (maxAge !== undefined && Number(maxAge) < 0)) return clearedHint(secure);
  const lifetime = maxAge !== undefined ? `; Max-Age=${maxAge}` : expires ? `; Expires=${expires}` : "";
  return `${SIGNED_IN_COOKIE}=1; Path=/; SameSite=Lax${lifetime}${secure}`;
}

export function clearedHint(secure = ""): string {
  return `${SIGNED_IN_COOKIE}=; Path=/; SameSite=Lax; Max-Age=0${secure}`;
}

/** Adds the hint's Set-Cookie to an answer that sets or clears the session cookie. */
export function mirrorSignedInHint(response: Response): Response {
  const hints = response.headers.getSetCookie().flatMap((c) => hintCookieFor(c) ?? []);
  if (hints.length === 0) return response;
  try {
    for (const hint of hints) response.headers.append("set-cookie", hint);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const hint of hints) copy.headers.append("set-cookie", hint);
    return copy;
  }
}

/** Set-Cookie values that delete the session cookie (both names: plain, and __Secure- over https). */
export function clearedSessionCookies(): string[] {
  const name = `${SESSION_COOKIE_PREFIX}.session_token`;
  return [`${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax`, `__Secure-${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure`];
}

/**
 * No live session behind this request (expired, revoked elsewhere, forged): the answer deletes
 * the dead session cookie it carried, and the hint with it, so that neither this page nor the
 * next asks again (pages restore a missing hint while a session cookie is there: next.config.mjs).
 */
export function clearDeadSession(requestHeaders: Headers, response: Response): Response {
  const cookies = requestHeaders.get("cookie") ?? "";
  const sentNames = new Set(cookies.split(";").map((pair) => pair.trim().split("=")[0]));
  const sent = clearedSessionCookies().filter((cleared) => sentNames.has(cleared.split("=")[0]));
  for (const cleared of sent) response.headers.append("set-cookie", cleared);
  // Clearing the session cookie clears the hint too (mirrorSignedInHint, in the route wrapper).
  if (sent.length === 0 && hasSignedInHint(cookies)) response.headers.append("set-cookie", clearedHint());
  return response;
}
