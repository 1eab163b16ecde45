import * as z from "zod";
import { requireActor } from "@/lib/server/auth/actor";
import { parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { dashboardCsvResponse, loadTeamDashboard } from "@/lib/server/tracks/dashboard";
import { parseDashboardQuery } from "@/lib/tracks/dashboard-query";

/** GET: the dashboard as CSV, one row per member and step (leads and owners only); the query filters it like the page. */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const { db, actor } = await requireActor(req, ctx);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  const now = new Date();
  const dashboard = await loadTeamDashboard(db, actor, teamId, now);
  return dashboardCsvResponse(dashboard, parseDashboardQuery(new URL(req.url).searchParams), now);
});
