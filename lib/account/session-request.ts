/**
 * Who is signed in, asked once per page: the header's account entry and sync share one
 * GET /api/v1/session. Only asked when the signed-in hint cookie is there (lib/sync/hint.ts),
 * so a visitor who never signed in makes no request at all. After signing in or out without
 * a full page load, `announceSessionChange()` forgets the answer and tells the header.
 */
import { hasSignedInHint } from "@/lib/sync/hint";

export const SESSION_CHANGED_EVENT = "quorum:session-changed";

let pending: Promise<Response> | null = null;

/** The shared answer (a copy for each caller); rejects like fetch when the server cannot be reached. */
export function sessionRequest(): Promise<Response> {
  const request = (pending ??= fetch("/api/v1/session", { credentials: "same-origin", cache: "no-store" }));
  request.catch(() => {
    if (pending === request) pending = null; // offline: the next caller asks again
  });
  return request.then((response) => response.clone());
}

export function mayBeSignedIn(): boolean {
  return hasSignedInHint(document.cookie);
}

/** The next caller asks the server again. */
export function forgetSessionRequest(): void {
  pending = null;
}

export function announceSessionChange(): void {
  forgetSessionRequest();
  window.dispatchEvent(new Event(SESSION_CHANGED_EVENT));
}
