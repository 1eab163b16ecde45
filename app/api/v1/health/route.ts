import { json, route } from "@/lib/server/http/route";

/** Liveness: the process answers. Touches no database, so a slow database never gets it restarted. */
export const dynamic = "force-dynamic";
export const GET = route(async () => json({ status: "ok" }));
