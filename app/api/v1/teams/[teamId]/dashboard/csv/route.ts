import * as z from "zod";
import { requireUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { loadActor } from "@/lib/server/teams/queries";
import { dashboardCsvResponse, loadTeamDashboard } from "@/lib/server/tracks/dashboard";
import { parseDashboardQuery } from "@/lib/tracks/dashboard-query";

/** GET: the dashboard as CSV, one row per member and step (leads and owners only); the query filters it like the page. */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  const db = await getDb();
  const now = new Date();
  const dashboard = await loadTeamDashboard(db, await loadActor(db, user.id), teamId, now);
  return dashboardCsvResponse(dashboard, parseDashboardQuery(new URL(req.url).searchParams), now);
});
