/**
 * How the browser knows who is signed in, without loading the auth library on every page.
 *
 * The seam with the account layer (server-core), two small things it provides:
 * 1. a cookie named `quorum-signed-in` (value `1`, not HttpOnly, SameSite=Lax, Path=/, the
 *    session's expiry), set when a session starts and cleared when it ends. It is only a
 *    hint: it lets a page of an anonymous visitor skip sync entirely (no request, no code).
 * 2. `GET /api/v1/session`, answering `{ "user": { "id": "…" } }` or `{ "user": null }`
 *    (sessionAnswerSchema), which is the truth. The sync request repeats the account id and
 *    the server refuses it (409 account-mismatch) if it is not the session's.
 */
import { sessionRequest } from "@/lib/account/session-request";
import { sessionAnswerSchema } from "./protocol";

export type SessionProbe =
  | { kind: "signed-in"; account: string }
  | { kind: "signed-out" }
  /** The server could not be asked (offline, or it failed): the caller may go on with the account it last knew. */
  | { kind: "unknown" };

export type AccountSource = () => Promise<SessionProbe>;

/** `request` defaults to the page's shared session request (the header's account entry asks the same). */
export function probeSession(request: () => Promise<Response> = sessionRequest): AccountSource {
  return async () => {
    let response: Response;
    try {
      response = await request();
    } catch {
      return { kind: "unknown" };
    }
    if (response.status === 401 || response.status === 404) return { kind: "signed-out" };
    if (!response.ok) return { kind: "unknown" };
    const parsed = sessionAnswerSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return { kind: "unknown" };
    return parsed.data.user ? { kind: "signed-in", account: parsed.data.user.id } : { kind: "signed-out" };
  };
}
