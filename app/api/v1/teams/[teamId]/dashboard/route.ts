import * as z from "zod";
import { requireUser } from "@/lib/server/auth/session";
import { getDb } from "@/lib/server/db/client";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { loadActor } from "@/lib/server/teams/queries";
import { loadTeamDashboard, rowsForQuery } from "@/lib/server/tracks/dashboard";
import { parseDashboardQuery } from "@/lib/tracks/dashboard-query";

/** GET: the lead's dashboard of a team (leads and owners only): summary, matrix rows (filtered and sorted by the query), certificates held. */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  const db = await getDb();
  const dashboard = await loadTeamDashboard(db, await loadActor(db, user.id), teamId, new Date());
  const query = parseDashboardQuery(new URL(req.url).searchParams);
  return json({
    team: dashboard.team,
    tracks: dashboard.tracks.map((t) => ({ id: t.id, title: t.title, passMark: t.passMark })),
    summary: dashboard.summary,
    rows: rowsForQuery(dashboard.rows, query),
    certificates: dashboard.certificates,
  });
});
