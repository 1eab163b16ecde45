import { CURRICULUM } from "@/lib/content/curriculum";
import { getLessonSummaries } from "@/lib/content/lessons.server";
import { getTracks } from "@/lib/content/tracks.server";
import { outlineOf } from "@/lib/tracks/types";
import { CurriculumMap } from "@/components/curriculum/CurriculumMap";

export default async function HomePage() {
  const [lessons, tracks] = await Promise.all([getLessonSummaries(), getTracks()]);
  const minutes = lessons.reduce((n, l) => n + l.minutes, 0);
  return (
    <div className="mx-auto max-w-3xl px-4 pt-12 sm:px-6">
      <p className="text-sm font-semibold tracking-wider text-accent uppercase">The curriculum</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight text-balance sm:text-4xl">
        The practices of working on distributed systems
      </h1>
      <p className="mt-4 font-serif text-xl leading-relaxed text-muted">
        {CURRICULUM.length} practices, each a lesson you can read in one sitting, a checklist of skills to own, and a quiz that
        explains every answer. Your progress stays in this browser. {lessons.length} lessons, {readingTime(minutes)} of reading, are ready.
      </p>
      <CurriculumMap lessons={lessons} totalPractices={CURRICULUM.length} tracks={tracks.map(outlineOf)} />
    </div>
  );
}

function readingTime(minutes: number): string {
  if (minutes < 90) return `${minutes} minutes`;
  return `about ${Math.round(minutes / 60)} hours`;
}
