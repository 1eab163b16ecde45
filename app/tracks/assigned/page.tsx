import type { Metadata } from "next";
import Link from "next/link";
import { AssignedTrackPaths } from "@/components/tracks/assigned/AssignedTrackPaths";
import { getLessonSummaries } from "@/lib/content/lessons.server";

export const metadata: Metadata = { title: "Your team tracks" };

/** Static: the tracks themselves come from /api/v1/me/tracks in the browser, for a signed-in learner only. */
export default async function AssignedTracksPage() {
  const lessons = (await getLessonSummaries()).map((l) => ({ id: l.id, number: l.number, title: l.title, minutes: l.minutes, checklistIds: l.checklistIds, hasQuiz: l.hasQuiz }));
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8 pb-16 sm:px-6">
      <p className="text-sm text-muted">
        <Link href="/tracks" className="hover:text-ink">
          Tracks
        </Link>{" "}
        / from your team
      </p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight sm:text-4xl">Your team tracks</h1>
      <p className="mt-4 font-serif text-xl leading-relaxed text-muted">
        The paths your team leads gave you, with their due dates. Your progress on them comes from the lessons you read, the skills you tick and the quizzes you pass: there is nothing extra to mark.
      </p>
      <AssignedTrackPaths lessons={lessons} />
    </div>
  );
}
