"use client";

import { IntentLink } from "@/components/site/IntentLink";
import type { LessonSummary } from "@/lib/content/types";
import { lessonProgress, lessonStatus, overallProgress } from "@/lib/progress/status";
import { useProgress } from "@/lib/progress/store";
import type { LessonStatus } from "@/lib/progress/types";
import { percent } from "@/components/ui/format";
import { StudyPrompt } from "@/components/review/StudyPrompt";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { AssignedTracks } from "@/components/tracks/assigned/AssignedTracks";
import { FollowedTracks, TrackMarks, useFollowedViews } from "@/components/tracks/FollowedTracks";
import type { TrackOutline } from "@/lib/tracks/types";

const NODE: Record<LessonStatus, string> = {
  "not-started": "border-line bg-surface text-muted",
  "in-progress": "border-accent bg-accent-soft text-accent",
  done: "border-good bg-good text-surface",
  "tested-out": "border-deep bg-deep-soft text-deep",
  skipped: "border-line bg-sunken text-muted",
};

/** The curriculum as a path: where the learner is, what is done, what comes next. */
export function CurriculumMap({ lessons, totalPractices, tracks = [] }: { lessons: readonly LessonSummary[]; totalPractices: number; tracks?: readonly TrackOutline[] }) {
  const facts = useProgress((s) => s.facts);
  const followed = useFollowedViews(tracks, lessons);
  const hydrated = useProgress((s) => s.hydrated);
  const overall = overallProgress(facts, lessons);
  const nextUp = lessons.find((l) => {
    const s = lessonStatus(facts, l);
    return s === "in-progress" || s === "not-started";
  });

  return (
    <>
      <section aria-label="Your progress" className={`mt-8 rounded-xl border border-line bg-surface p-5 ${hydrated ? "" : "invisible"}`}>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <p className="text-sm text-muted">Your progress</p>
            <p className="mt-1 text-2xl font-semibold" data-testid="overall-progress">
              {overall.done} of {overall.total} lessons done
            </p>
          </div>
          <p className="text-sm text-muted">
            {overall.itemsTicked} of {overall.itemsTotal} skills checked
            {overall.testedOut ? ` · ${overall.testedOut} tested out` : ""}
            {overall.skipped ? ` · ${overall.skipped} skipped` : ""}
          </p>
        </div>
        <div className="mt-4 flex h-2 gap-1" aria-hidden="true">
          {lessons.map((l) => {
            const s = lessonStatus(facts, l);
            return (
              <span
                key={l.id}
                className={`flex-1 rounded-full ${s === "done" ? "bg-good" : s === "tested-out" ? "bg-deep" : s === "in-progress" ? "bg-accent" : "bg-sunken"}`}
              />
            );
          })}
        </div>
        {nextUp ? (
          <p className="mt-4 text-sm">
            Up next:{" "}
            <IntentLink href={`/lessons/${nextUp.id}`} className="font-medium text-accent underline underline-offset-2">
              {nextUp.number}. {nextUp.title}
            </IntentLink>
          </p>
        ) : null}
        <StudyPrompt />
      </section>
      <AssignedTracks lessons={lessons} />
      <FollowedTracks views={followed} />

      <ol className="relative mt-10" aria-label="Lessons">
        <span aria-hidden="true" className="absolute top-4 bottom-4 left-[1.1875rem] w-px bg-line" />
        {lessons.map((lesson) => {
          const { status, ticked, best } = lessonProgress(facts, lesson);
          return (
            <li key={lesson.id} className="relative flex gap-4 pb-6 sm:gap-6">
              <span
                aria-hidden="true"
                className={`z-10 flex size-10 shrink-0 items-center justify-center rounded-full border-2 font-semibold tabular-nums ${
                  hydrated ? NODE[status] : NODE["not-started"]
                }`}
              >
                {status === "done" && hydrated ? "✓" : lesson.number}
              </span>
              <IntentLink
                href={`/lessons/${lesson.id}`}
                className="group min-w-0 flex-1 rounded-xl border border-line bg-surface p-4 transition-colors hover:border-accent sm:p-5"
              >
                <span className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <span className="text-lg font-semibold group-hover:text-accent">
                    <span className="sr-only">Lesson {lesson.number}: </span>
                    {lesson.title}
                  </span>
                  <span className="text-sm text-muted">{lesson.minutes} min</span>
                </span>
                <span className="mt-1.5 block font-serif text-[1.02rem] text-muted">{lesson.summary}</span>
                <span className={`mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-muted ${hydrated ? "" : "invisible"}`}>
                  <StatusBadge status={status} />
                  <span>
                    {ticked}/{lesson.checklistIds.length} skills
                  </span>
                  <span>{best === null ? "Quiz not taken" : `Best quiz score ${percent(best)}`}</span>
                </span>
                <TrackMarks lessonId={lesson.id} views={followed} />
              </IntentLink>
            </li>
          );
        })}
      </ol>
      {lessons.length < totalPractices ? (
        <p className="mt-2 pl-14 text-sm text-muted sm:pl-16">
          {totalPractices - lessons.length} more practices are being written and will appear here.
        </p>
      ) : null}
    </>
  );
}
