import { getAuth } from "@/lib/server/auth/auth";
import { mirrorSignedInHint } from "@/lib/server/auth/signed-in-hint";
import { getDb } from "@/lib/server/db/client";
import { readJsonBody } from "@/lib/server/http/body";
import { json, route } from "@/lib/server/http/route";
import { setupBody } from "@/lib/server/http/schemas";
import { runSetup } from "@/lib/server/instance/setup";

/** The one-time setup: creates the instance admin and signs them in. 409 once done. */
export const dynamic = "force-dynamic";
export const POST = route(async (req, ctx) => {
  const body = await readJsonBody(req, setupBody);
  const { userId, cookies } = await runSetup(await getAuth(), await getDb(), body, req.headers);
  ctx.setUserId(userId);
  const response = json({ user: { id: userId, name: body.name, email: body.email } }, { status: 201 });
  for (const cookie of cookies) response.headers.append("set-cookie", cookie);
  return mirrorSignedInHint(response);
});
