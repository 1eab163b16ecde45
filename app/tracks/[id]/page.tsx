import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLessonSummaries } from "@/lib/content/lessons.server";
import { getTrack, getTracks } from "@/lib/content/tracks.server";
import { pacedOverDays } from "@/lib/tracks/types";
import { readingTime } from "@/components/tracks/format";
import { TrackPath } from "@/components/tracks/TrackPath";

export const dynamicParams = false;

export async function generateStaticParams() {
  return (await getTracks()).map((track) => ({ id: track.id }));
}

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const track = await getTrack((await params).id);
  return track ? { title: track.title, description: track.summary } : {};
}

export default async function TrackPage({ params }: Props) {
  const track = await getTrack((await params).id);
  if (!track) notFound();
  const lessons = await getLessonSummaries();
  const minutes = track.steps.reduce((n, s) => n + (lessons.find((l) => l.id === s.lessonId)?.minutes ?? 0), 0);
  const days = pacedOverDays(track);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-8 sm:px-6">
      <p className="text-sm text-muted">
        <Link href="/tracks" className="hover:text-ink">
          Tracks
        </Link>{" "}
        / {track.steps.length} lessons
      </p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-balance sm:text-4xl">{track.title}</h1>
      <p className="mt-4 font-serif text-xl leading-relaxed text-muted">{track.summary}</p>
      <p className="mt-4 flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted">
        <span>{readingTime(minutes)} of reading</span>
        {days !== null ? <span>paced over {days} days from the day you start</span> : null}
        <span>pass mark {track.passMark}% on each quiz</span>
      </p>
      <TrackPath track={track} lessons={lessons} />
    </div>
  );
}
