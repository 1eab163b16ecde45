import { checkReadiness } from "@/lib/server/db/client";
import { problemResponse } from "@/lib/server/http/problem";
import { json, route } from "@/lib/server/http/route";
import { isDraining } from "@/lib/server/lifecycle";

/** Readiness: the database answers and every migration is applied; 503 while shutting down. */
export const dynamic = "force-dynamic";
export const GET = route(async () => {
  if (isDraining()) return problemResponse("unavailable", "The server is shutting down.", { headers: { "retry-after": "5" } });
  const readiness = await checkReadiness();
  if (!readiness.ok) return problemResponse("unavailable", `Not ready: ${readiness.reason}`, { headers: { "retry-after": "5" } });
  return json({ status: "ready", migrations: readiness.migrations });
});
