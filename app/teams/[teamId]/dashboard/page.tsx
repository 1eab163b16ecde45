import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DashboardFilters } from "@/components/team/dashboard/DashboardFilters";
import { DashboardSummary } from "@/components/team/dashboard/DashboardSummary";
import { PrintButton } from "@/components/team/dashboard/PrintButton";
import { TrackMatrix } from "@/components/team/dashboard/TrackMatrix";
import { secondaryButton } from "@/components/ui/buttons";
import { getDb } from "@/lib/server/db/client";
import { ProblemError } from "@/lib/server/http/problem";
import { requirePageUser } from "@/lib/server/pages";
import { loadActor } from "@/lib/server/teams/queries";
import { loadTeamDashboard, rowsForQuery } from "@/lib/server/tracks/dashboard";
import { parseDashboardQuery, queryString } from "@/lib/tracks/dashboard-query";

export const metadata: Metadata = { title: "Team progress" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ teamId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamDashboardPage({ params, searchParams }: Props) {
  const { teamId } = await params;
  const base = `/teams/${teamId}/dashboard`;
  const user = await requirePageUser(base);
  const db = await getDb();
  const actor = await loadActor(db, user.id);
  const dashboard = await loadTeamDashboard(db, actor, teamId, new Date()).catch((error: unknown) => {
    // A plain member, or someone outside the team: the page does not exist for them.
    if (error instanceof ProblemError && (error.type === "not-found" || error.type === "forbidden")) notFound();
    throw error;
  });
  const query = parseDashboardQuery(await searchParams);
  const rows = rowsForQuery(dashboard.rows, query);
  const memberIdOf = new Map(dashboard.members.map((m) => [m.userId, m.memberId]));
  const certificateOf = new Map(dashboard.certificates.map((c) => [`${c.userId}/${c.trackId}`, c.certificateId]));
  const links = {
    base,
    memberHref: (userId: string) => (memberIdOf.has(userId) ? `${base}/members/${memberIdOf.get(userId)}` : null),
    certificateHref: (userId: string, trackId: string) => {
      const id = certificateOf.get(`${userId}/${trackId}`);
      return id ? `/certificates/${id}` : null;
    },
  };
  const shownTracks = dashboard.tracks.filter((t) => !query.trackId || t.id === query.trackId);
  const csvHref = `/api/v1/teams/${teamId}/dashboard/csv${queryString(query)}`;

  return (
    <div className="mx-auto max-w-6xl px-4 pt-10 sm:px-6">
      <p className="text-sm print:hidden">
        <Link href={`/teams/${teamId}`} className="text-muted underline-offset-2 hover:text-ink hover:underline">
          ← {dashboard.team.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Progress of {dashboard.team.name}</h1>
      <p className="mt-2 text-muted">
        Each member&rsquo;s steps on the team&rsquo;s published tracks, from the progress they have synced. Due dates are days in UTC; a step is done when its
        checklist is complete and a quiz attempt reaches the track&rsquo;s pass mark.
      </p>
      <p className="mt-1 hidden text-sm print:block">Printed {new Date(dashboard.time.now).toUTCString()}.</p>

      <div className="mt-6 flex flex-wrap gap-3 print:hidden">
        <a href={csvHref} className={secondaryButton} download>
          Download CSV
        </a>
        <PrintButton />
      </div>

      <div className="mt-8">
        <DashboardSummary summary={dashboard.summary} certificates={dashboard.certificates.length} />
      </div>

      <section aria-labelledby="matrix-heading" className="mt-10">
        <h2 id="matrix-heading" className="text-xl font-semibold">
          Members by step
        </h2>
        {dashboard.tracks.length === 0 ? (
          <p className="mt-2 text-muted">This team has no published track yet. Publish one and assign it, and its progress shows here.</p>
        ) : (
          <>
            <div className="mt-4">
              <DashboardFilters action={base} query={query} tracks={dashboard.tracks} members={dashboard.members.map((m) => ({ userId: m.userId, name: m.name }))} />
            </div>
            <p className="mt-3 text-sm text-muted" role="status">
              Showing {rows.length} of {dashboard.rows.length} member-track rows.
              {queryString(query, { sort: "member", direction: "asc" }) ? (
                <>
                  {" "}
                  <Link href={base} className="underline underline-offset-2 print:hidden">
                    Clear filters
                  </Link>
                </>
              ) : null}
            </p>
            {shownTracks.map((track) => (
              <TrackMatrix key={track.id} track={track} rows={rows.filter((r) => r.track.id === track.id)} query={query} links={links} />
            ))}
          </>
        )}
      </section>
    </div>
  );
}
