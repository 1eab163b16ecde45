"use client";

import type { LessonSummary } from "@/lib/content/types";
import { lessonStatus } from "@/lib/progress/status";
import { useProgress } from "@/lib/progress/store";

/** Lessons the learner finished (or tested out of): add all of a lesson's quiz questions to review, or take them back. */
export function AddLessons({ lessons, questionCounts }: { lessons: readonly LessonSummary[]; questionCounts: Record<string, number> }) {
  const facts = useProgress((s) => s.facts);
  const hydrated = useProgress((s) => s.hydrated);
  const setReviewLesson = useProgress((s) => s.setReviewLesson);
  const finished = lessons.filter((l) => {
    const status = lessonStatus(facts, l);
    return status === "done" || status === "tested-out";
  });
  return (
    <section aria-labelledby="add-lessons" className={`rounded-xl border border-line bg-surface p-5 sm:p-6 ${hydrated ? "" : "invisible"}`}>
      <h2 id="add-lessons" className="text-lg font-semibold">
        Review a whole lesson
      </h2>
      {finished.length === 0 ? (
        <p className="mt-1 text-sm text-muted">When you finish a lesson (or test out of one), you can add all its quiz questions here.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-muted">Add every question of a finished lesson&rsquo;s quiz, to keep all of it fresh.</p>
          <ul className="mt-4 space-y-2">
            {finished.map((lesson) => {
              const added = facts.reviewLessons[lesson.id]?.value === true;
              return (
                <li key={lesson.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="font-medium">
                    {lesson.number}. {lesson.title}
                  </span>
                  <button
                    type="button"
                    aria-pressed={added}
                    onClick={() => setReviewLesson(lesson.id, !added)}
                    className="rounded-md border border-line px-2.5 py-1 text-xs font-medium text-muted hover:bg-sunken hover:text-ink aria-pressed:border-accent/50 aria-pressed:bg-accent-soft aria-pressed:text-accent"
                  >
                    {added ? "Added: remove" : `Add its ${questionCounts[lesson.id] ?? 0} questions`}
                    <span className="sr-only"> ({lesson.title})</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
