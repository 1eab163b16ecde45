import type { Metadata } from "next";
import { getLessonSummaries } from "@/lib/content/lessons.server";
import { getTracks } from "@/lib/content/tracks.server";
import { pacedOverDays } from "@/lib/tracks/types";
import { AssignedTracksLink } from "@/components/tracks/assigned/AssignedTracksLink";
import { FollowingNotice } from "@/components/tracks/FollowingNotice";
import { TrackCard } from "@/components/tracks/TrackCard";

export const metadata: Metadata = {
  title: "Tracks",
  description: "Paths through the curriculum for a goal: your first weeks on a backend team, getting ready for on-call, designing APIs other teams depend on.",
};

export default async function TracksPage() {
  const [all, lessons] = await Promise.all([getTracks(), getLessonSummaries()]);
  // Shortest first: the gentlest start at the top.
  const tracks = [...all].sort((a, b) => (pacedOverDays(a) ?? Infinity) - (pacedOverDays(b) ?? Infinity) || a.steps.length - b.steps.length);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-12 sm:px-6">
      <p className="text-sm font-semibold tracking-wider text-accent uppercase">Tracks</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">A path through the lessons, for a goal</h1>
      <p className="mt-4 font-serif text-xl leading-relaxed text-muted">
        Each track picks the lessons that serve one goal, puts them in an order where each builds on the last, and says why each one is
        there. Follow one and every step gets a due date, counted from the day you start. A step is done when its checklist is complete
        and your best quiz score reaches the track&apos;s pass mark.
      </p>
      <AssignedTracksLink />
      <FollowingNotice />
      <ul className="mt-10 space-y-6">
        {tracks.map((track) => (
          <TrackCard key={track.id} track={track} lessons={lessons} />
        ))}
      </ul>
    </div>
  );
}
