"use client";

import { IntentLink as Link } from "@/components/site/IntentLink";
import { useMemo } from "react";
import { lessonLookup } from "@/lib/tracks/derive";
import type { TrackLesson, TrackOutline } from "@/lib/tracks/types";
import { StepBar } from "./StepBar";
import { dueWords, TONE_CLASS } from "./format";
import { FollowingNotice } from "./FollowingNotice";
import { type TrackView, useTrackViews } from "./useTrackProgress";

/** The followed tracks' views, most recently started first. */
export interface FollowedViews {
  ready: boolean;
  followed: (TrackView & { track: TrackOutline })[];
}

export function useFollowedViews(tracks: readonly TrackOutline[], lessons: readonly TrackLesson[]): FollowedViews {
  const lookup = useMemo(() => lessonLookup(lessons), [lessons]);
  const views = useTrackViews(tracks, lookup);
  const followed = views
    .map((view, i) => ({ ...view, track: tracks[i]! }))
    .filter((v) => v.startedAt !== null)
    .sort((a, b) => (b.startedAt ?? 0) - (a.startedAt ?? 0));
  return { ready: views.every((v) => v.ready), followed };
}

/** On the home page's map: each followed track, where the learner is on it and what is overdue. */
export function FollowedTracks({ views: { ready, followed } }: { views: FollowedViews }) {
  // Until the followed tracks are read, show what most visitors see (no track followed): the
  // server renders the same line, so nothing below it moves when the page hydrates.
  if (!ready || followed.length === 0) {
    return (
      <>
        <FollowingNotice />
        <p className="mt-4 text-sm text-muted">
          Want a path with due dates?{" "}
          <Link href="/tracks" className="font-medium text-accent underline underline-offset-2">
            Follow a track
          </Link>
          .
        </p>
      </>
    );
  }
  return (
    <>
      <FollowingNotice />
      {followed.map(({ track, progress, time }) => {
        const next = progress.next;
        const due = next ? dueWords(next, time.timeZone) : null;
        return (
          <section key={track.id} aria-label={`Track: ${track.title}`} className="mt-4 rounded-xl border border-line bg-surface p-5" data-testid={`followed-${track.id}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <p className="font-semibold">
                <span className="text-sm font-normal text-muted">Your track: </span>
                <Link href={`/tracks/${track.id}`} className="hover:text-accent hover:underline">
                  {track.title}
                </Link>
              </p>
              <p className="text-sm text-muted">
                {progress.complete ? "Complete" : `${progress.done} of ${progress.total} steps done`}
                {progress.overdue > 0 ? <span className="ml-2 font-semibold text-bad">{progress.overdue} overdue</span> : null}
              </p>
            </div>
            <StepBar progress={progress} className="mt-3 h-1.5" />
            {next ? (
              <p className="mt-3 text-sm" data-testid={`followed-next-${track.id}`}>
                Next on this track:{" "}
                {next.lessonId ? (
                  <Link href={`/lessons/${next.lessonId}`} className="font-medium text-accent underline underline-offset-2">
                    {next.title}
                  </Link>
                ) : (
                  <span className="font-medium">{next.title}</span>
                )}
                {due ? <span className={`ml-2 ${TONE_CLASS[due.tone]}`}>{due.text}</span> : null}
              </p>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

/** Inside a lesson's card on the map: its step on each followed track, and whether it is next or overdue. */
export function TrackMarks({ lessonId, views: { ready, followed } }: { lessonId: string; views: FollowedViews }) {
  if (!ready) return null;
  const marks = followed.flatMap(({ track, progress, time }) => {
    const step = progress.steps.find((s) => s.key === lessonId);
    if (!step) return [];
    const due = dueWords(step, time.timeZone);
    const isNext = progress.next?.key === lessonId;
    return [{ track, step, due, isNext }];
  });
  if (marks.length === 0) return null;
  return (
    <span className="mt-2 block space-y-1 text-sm" data-testid={`track-marks-${lessonId}`}>
      {marks.map(({ track, step, due, isNext }) => (
        <span key={track.id} className="block">
          <span className="text-muted">
            Step {step.position} of {track.title}
          </span>
          {isNext ? <span className="ml-2 font-semibold text-accent">Next</span> : null}
          {step.status !== "done" && due.tone !== "none" ? <span className={`ml-2 ${TONE_CLASS[due.tone]}`}>{due.text}</span> : null}
        </span>
      ))}
    </span>
  );
}
