import * as z from "zod";
import { requireActor } from "@/lib/server/auth/actor";
import { pageOf } from "@/lib/paging/page";
import { pageLinkHeader, pagingOf, readPageParam } from "@/lib/server/http/paging";
import { json, parseParams, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";
import { assertDashboardAllowed, loadTeamDashboard, matrixInTableOrder } from "@/lib/server/tracks/dashboard";
import { parseDashboardQuery, queryString } from "@/lib/tracks/dashboard-query";

/**
 * GET: the lead's dashboard of a team (leads and owners only): summary, certificates held, and
 * one page of the matrix's rows (filtered and sorted by the query, in the page's order), 50 at a
 * time (`?page=N`, `?page=all`), with `paging` in the body and first/prev/next/last in `Link`.
 */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const { db, actor } = await requireActor(req, ctx);
  const { teamId } = parseParams(ctx.params, z.object({ teamId: idSchema }));
  // Refusals first (401, 404, 403), then the query: a bad page tells nobody outside anything.
  assertDashboardAllowed(actor, teamId);
  const url = new URL(req.url);
  const asked = readPageParam(url);
  const query = { ...parseDashboardQuery(url.searchParams), page: asked };
  const dashboard = await loadTeamDashboard(db, actor, teamId, new Date());
  const page = pageOf(matrixInTableOrder(dashboard, query).rows, asked);
  const link = asked === "all" ? null : pageLinkHeader(page, (p) => `${url.pathname}${queryString(query, { page: p })}`);
  return json(
    {
      team: dashboard.team,
      tracks: dashboard.tracks.map((t) => ({ id: t.id, title: t.title, passMark: t.passMark })),
      summary: dashboard.summary,
      paging: pagingOf(page, asked),
      rows: page.rows,
      certificates: dashboard.certificates,
    },
    link ? { headers: { link } } : {},
  );
});
