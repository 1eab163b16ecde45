import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DashboardFilters } from "@/components/team/dashboard/DashboardFilters";
import { DashboardSummary } from "@/components/team/dashboard/DashboardSummary";
import { PrintButton } from "@/components/team/dashboard/PrintButton";
import { TrackMatrix } from "@/components/team/dashboard/TrackMatrix";
import { zoneWords } from "@/components/tracks/format";
import { secondaryButton } from "@/components/ui/buttons";
import { Pager } from "@/components/ui/Pager";
import { getDb } from "@/lib/server/db/client";
import { ProblemError } from "@/lib/server/http/problem";
import { requirePageUser } from "@/lib/server/pages";
import { loadActor } from "@/lib/server/teams/queries";
import { loadTeamDashboard, matrixInTableOrder } from "@/lib/server/tracks/dashboard";
import { PAGE_SIZE, pageOf } from "@/lib/paging/page";
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
  // One list, track by track in the order the tables appear, each sorted as asked; then paged,
  // so filter and sort apply across every row and a page is one slice of that whole.
  const { tracks: shownTracks, rowsOfTrack, rows } = matrixInTableOrder(dashboard, query);
  const page = pageOf(rows, query.page);
  const pageHref = (p: number) => `${base}${queryString(query, { page: p })}`;
  const csvHref = `/api/v1/teams/${teamId}/dashboard/csv${queryString(query, { page: 1 })}`;

  return (
    <div className="print-landscape mx-auto max-w-6xl px-4 pt-10 sm:px-6 print:max-w-none print:px-0 print:pt-0">
      <p className="text-sm print:hidden">
        <Link href={`/teams/${teamId}`} className="text-muted underline-offset-2 hover:text-ink hover:underline">
          ← {dashboard.team.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Progress of {dashboard.team.name}</h1>
      <p className="mt-2 text-muted">
        Each member&rsquo;s steps on the team&rsquo;s published tracks, from the progress they have synced. A step is done when its checklist is complete and a
        quiz attempt reaches the track&rsquo;s pass mark.
      </p>
      <p className="mt-1 text-sm text-muted" data-testid="time-zone">
        {zoneWords(dashboard.team.timeZone)}: a step is overdue once its due day has ended there, for you and for the member.{" "}
        <Link href={`/teams/${teamId}#settings`} className="underline underline-offset-2 print:hidden">
          Change the team&rsquo;s time zone
        </Link>
      </p>
      <p className="mt-1 hidden text-sm print:block">
        Printed {new Date(dashboard.time.now).toUTCString()}
        {page.total > 0 ? `; rows ${page.from}–${page.to} of ${page.total}` : ""}.
      </p>

      <div className="mt-6 flex flex-wrap gap-3 print:hidden">
        <a href={csvHref} className={secondaryButton} download>
          Download CSV
        </a>
        <PrintButton label={page.pageCount > 1 ? "Print this page" : "Print"} />
        {page.pageCount > 1 ? (
          <Link href={`${base}${queryString(query, { page: "all" })}`} className={secondaryButton}>
            Every row, for printing
          </Link>
        ) : null}
        {query.page === "all" ? (
          <Link href={`${base}${queryString(query, { page: 1 })}`} className={secondaryButton}>
            Back to pages of {PAGE_SIZE}
          </Link>
        ) : null}
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
            <p className="mt-3 text-sm text-muted" role="status" data-testid="matrix-count">
              {page.total === 0
                ? `No rows match, of ${dashboard.rows.length} member-track rows.`
                : `Showing ${page.from}–${page.to} of ${page.total} member-track rows${page.total < dashboard.rows.length ? ` (${dashboard.rows.length} before filtering)` : ""}${page.pageCount > 1 ? `, page ${page.page} of ${page.pageCount}` : ""}.`}
              {queryString(query, { sort: "member", direction: "asc" }) ? (
                <>
                  {" "}
                  <Link href={base} className="underline underline-offset-2 print:hidden">
                    Clear filters
                  </Link>
                </>
              ) : null}
            </p>
            <Pager page={page} href={pageHref} label="Pages of the matrix (top)" />
            {shownTracks.map((track) => {
              const all = rowsOfTrack.get(track.id) ?? [];
              const here = page.rows.filter((r) => r.track.id === track.id);
              // A track whose rows are all on other pages has no table on this one.
              if (here.length === 0 && all.length > 0) return null;
              return <TrackMatrix key={track.id} track={track} rows={here} total={all.length} query={query} links={links} />;
            })}
            <Pager page={page} href={pageHref} label="Pages of the matrix (bottom)" />
          </>
        )}
      </section>
    </div>
  );
}
