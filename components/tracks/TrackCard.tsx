import { IntentLink as Link } from "@/components/site/IntentLink";
import type { LessonSummary } from "@/lib/content/types";
import { outlineOf, pacedOverDays, type Track, trackLessonOf } from "@/lib/tracks/types";
import { readingTime } from "./format";
import { TrackCardStatus } from "./TrackCardStatus";

/** One track on /tracks: what it is for, its path at a glance, and the learner's place if they follow it. */
export function TrackCard({ track, lessons }: { track: Track; lessons: readonly LessonSummary[] }) {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const used = track.steps.flatMap((s) => byId.get(s.lessonId) ?? []);
  const minutes = used.reduce((n, l) => n + l.minutes, 0);
  const days = pacedOverDays(track);
  return (
    <li className="rounded-xl border border-line bg-surface p-5 sm:p-6">
      <h2 className="text-xl font-semibold tracking-tight">
        <Link href={`/tracks/${track.id}`} className="hover:text-accent hover:underline">
          {track.title}
        </Link>
      </h2>
      <p className="mt-2 font-serif text-[1.05rem] leading-relaxed text-muted">{track.summary}</p>
      <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted">
        <span>{track.steps.length} lessons</span>
        <span>{readingTime(minutes)} of reading</span>
        {days !== null ? <span>paced over {days} days</span> : null}
        <span>pass mark {track.passMark}%</span>
      </p>
      <ol className="mt-4 flex flex-wrap gap-x-1.5 gap-y-1 text-sm" aria-label={`Lessons in ${track.title}`}>
        {used.map((lesson, i) => (
          <li key={lesson.id} className="flex items-center gap-1.5">
            <span className="rounded-md bg-sunken px-1.5 py-0.5">{lesson.title}</span>
            {i < used.length - 1 ? <span aria-hidden="true" className="text-muted">→</span> : null}
          </li>
        ))}
      </ol>
      <TrackCardStatus track={outlineOf(track)} lessons={used.map(trackLessonOf)} />
    </li>
  );
}
