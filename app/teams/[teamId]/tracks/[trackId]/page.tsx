import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TrackBuilder } from "@/components/tracks/builder/TrackBuilder";
import { zoneWords } from "@/components/tracks/format";
import { trackIdSchema } from "@/lib/server/tracks/body";
import { LESSON_CHOICES, requireTrackManagerPage } from "@/lib/server/tracks/pages";
import { getTeamTrack } from "@/lib/server/tracks/repository";
import { leadViewsOf } from "@/lib/server/tracks/view";
import { listMembers } from "@/lib/server/teams/queries";

export const metadata: Metadata = { title: "Track builder" };
export const dynamic = "force-dynamic";

export default async function TrackBuilderPage({ params }: { params: Promise<{ teamId: string; trackId: string }> }) {
  const { teamId, trackId } = await params;
  const { db, team } = await requireTrackManagerPage(teamId, `/teams/${teamId}/tracks/${trackId}`);
  if (!trackIdSchema.safeParse(trackId).success) notFound();
  const stored = await getTeamTrack(db, trackId);
  if (!stored || stored.teamId !== teamId) notFound();
  const [[view], members] = await Promise.all([leadViewsOf(db, teamId, [stored]), listMembers(db, teamId)]);
  if (!view) notFound();
  const { id, ...content } = view.track;
  return (
    <div className="mx-auto max-w-3xl px-4 pt-12 pb-16 sm:px-6">
      <p className="text-sm">
        <Link href={`/teams/${teamId}/tracks`} className="text-muted underline-offset-2 hover:text-ink hover:underline">
          ← {team.name}: tracks
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance">{view.track.title}</h1>
      <p className="mt-2 text-sm text-muted" data-testid="time-zone">
        {zoneWords(team.timeZone)}: a step due on a date is overdue once that day has ended there.{" "}
        <Link href={`/teams/${teamId}#settings`} className="underline underline-offset-2">
          Change the team&rsquo;s time zone
        </Link>
      </p>
      <TrackBuilder
        teamId={teamId}
        initial={{ id, content, status: view.status, revision: view.revision, wholeTeam: view.wholeTeam, memberIds: view.memberIds }}
        lessons={LESSON_CHOICES}
        members={members.map((m) => ({ memberId: m.memberId, name: m.name, role: m.role }))}
      />
    </div>
  );
}
