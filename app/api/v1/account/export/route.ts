import { exportAccountData } from "@/lib/server/accounts/account";
import { requireUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { json, route } from "@/lib/server/http/route";

/** GET: all of the signed-in user's data as one JSON file. */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const data = await exportAccountData(await getDb(), user.id);
  const day = data.exportedAt.slice(0, 10);
  return json(data, { headers: { "content-disposition": `attachment; filename="quorum-account-${day}.json"` } });
});
