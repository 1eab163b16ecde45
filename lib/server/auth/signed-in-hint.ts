import "server-only";
import { SIGNED_IN_COOKIE } from "@/lib/sync/hint";
import { SESSION_COOKIE_PREFIX } from "./auth";

/**
 * The `quorum-signed-in` hint (lib/sync/session.ts): a readable cookie that only says "someone
 * is signed in here", so pages of a signed-out visitor skip every /api/v1 request. It mirrors
 * the session cookie in a response: set with the same lifetime when a session cookie is set,
 * cleared when it is cleared, Secure when it is. It is never trusted: the server always checks the real session.
 */
const SESSION_TOKEN = new RegExp(`^(__Secure-)?${SESSION_COOKIE_PREFIX}\\.session_token=([^;]*)`, "i");

export function mirrorSignedInHint(response: Response): Response {
  let hint: string | null = null;
  for (const cookie of response.headers.getSetCookie()) {
    const match = SESSION_TOKEN.exec(cookie);
    if (!match) continue;
    const cleared = match[2] === "" || /;\s*max-age=0\b/i.test(cookie) || /;\s*expires=Thu, 01 Jan 1970/i.test(cookie);
    const lifetime = /;\s*(max-age=\d+|expires=[^;]+)/i.exec(cookie)?.[1];
    const secure = /;\s*secure\b/i.test(cookie) ? "; Secure" : "";
    hint = cleared ? `${SIGNED_IN_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure}` : `${SIGNED_IN_COOKIE}=1; Path=/; SameSite=Lax${lifetime ? `; ${lifetime}` : ""}${secure}`;
  }
  if (hint === null) return response;
  try {
    response.headers.append("set-cookie", hint);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.append("set-cookie", hint);
    return copy;
  }
}
