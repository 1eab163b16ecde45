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

/** A stale hint (the session expired or was revoked elsewhere): the answer clears it. */
export function clearStaleHint(requestHeaders: Headers, response: Response): Response {
  if (hasSignedInHint(requestHeaders.get("cookie") ?? "")) response.headers.append("set-cookie", clearedHint());
  return response;
}
