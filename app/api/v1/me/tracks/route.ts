import { requireUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { json, route } from "@/lib/server/http/route";
import { learnerViewsOf } from "@/lib/server/tracks/view";

/** GET: my assigned, published team tracks, with their outline, notes and what changed since I last saw them. */
export const dynamic = "force-dynamic";

export const GET = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  return json({ tracks: await learnerViewsOf(await getDb(), user.id) });
});
