import type { Metadata } from "next";
import Link from "next/link";
import { NewTrackForm } from "@/components/tracks/builder/NewTrackForm";
import { builtInStartingPoints, requireTrackManagerPage } from "@/lib/server/tracks/pages";
import { listTeamTracks } from "@/lib/server/tracks/repository";
import { leadViewsOf } from "@/lib/server/tracks/view";

export const metadata: Metadata = { title: "Team tracks" };
export const dynamic = "force-dynamic";

const STATUS_STYLE = {
  draft: "border-line text-muted",
  published: "border-good/50 bg-good-soft text-good",
  archived: "border-line bg-sunken text-muted",
} as const;

export default async function TeamTracksPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const { db, team } = await requireTrackManagerPage(teamId, `/teams/${teamId}/tracks`);
  const [tracks, startingPoints] = await Promise.all([listTeamTracks(db, teamId).then((t) => leadViewsOf(db, teamId, t)), builtInStartingPoints()]);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-12 sm:px-6">
      <p className="text-sm">
        <Link href={`/teams/${teamId}`} className="text-muted underline-offset-2 hover:text-ink hover:underline">
          ← {team.name}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">Team tracks</h1>
      <p className="mt-3 text-muted">Paths of lessons for your team, with due dates and a pass mark. Members see the published tracks assigned to them on their home page.</p>

      <section aria-labelledby="new-heading" className="mt-8 rounded-xl border border-line bg-surface p-5">
        <h2 id="new-heading" className="mb-3 text-lg font-semibold">
          Build a track
        </h2>
        <NewTrackForm teamId={teamId} startingPoints={startingPoints} />
      </section>

      <section aria-labelledby="list-heading" className="mt-8">
        <h2 id="list-heading" className="mb-3 text-lg font-semibold">
          This team&apos;s tracks ({tracks.length})
        </h2>
        {tracks.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <ul className="divide-y divide-line rounded-xl border border-line bg-surface" data-testid="team-track-list">
            {tracks.map((t) => (
              <li key={t.track.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-4">
                <Link href={`/teams/${teamId}/tracks/${t.track.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
                  {t.track.title}
                </Link>
                <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[t.status]}`}>{t.status === "published" ? `published, v${t.revision}` : t.status}</span>
                <span className="text-sm text-muted">
                  {t.track.steps.length} {t.track.steps.length === 1 ? "step" : "steps"} · {t.wholeTeam ? "whole team" : `${t.assignedCount} assigned`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
