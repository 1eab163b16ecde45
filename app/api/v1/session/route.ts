import { getSessionUser } from "@/lib/server/auth/session";
import { clearDeadSession } from "@/lib/server/auth/signed-in-hint";
import { json, route } from "@/lib/server/http/route";

/**
 * Who is signed in, for the header's account entry: `{ user: null }` when nobody is (200, not
 * 401, so an anonymous page view logs no error). Without a session cookie it never touches the
 * database, so anonymous visitors cost the server nothing. A session cookie without a live
 * session (expired, revoked elsewhere, forged) is deleted in the answer, and the hint with it.
 */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const user = await getSessionUser(req.headers);
  if (user) ctx.setUserId(user.id);
  if (!user) return clearDeadSession(req.headers, json({ user: null }));
  return json({ user: { id: user.id, name: user.name } });
});
