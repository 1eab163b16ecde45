"use client";

import { useMemo } from "react";
import { lessonLookup } from "@/lib/tracks/derive";
import type { TrackLesson, TrackOutline } from "@/lib/tracks/types";
import { useTrackViews } from "./useTrackProgress";

/** On the list of tracks: whether the learner follows this one, and how far along they are. */
export function TrackCardStatus({ track, lessons }: { track: TrackOutline; lessons: readonly TrackLesson[] }) {
  const lookup = useMemo(() => lessonLookup(lessons), [lessons]);
  const tracks = useMemo(() => [track], [track]);
  const [view] = useTrackViews(tracks, lookup);
  if (!view?.ready || view.startedAt === null) return null;
  const { progress } = view;
  return (
    <p className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-sm" data-testid={`track-card-status-${track.id}`}>
      <span className="rounded-full border border-accent/50 bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent">Following</span>
      <span className="text-muted">{progress.complete ? "Complete" : `${progress.done} of ${progress.total} steps done`}</span>
      {progress.overdue > 0 ? <span className="font-semibold text-bad">{progress.overdue} overdue</span> : null}
    </p>
  );
}
