"use client";

import { createContext, type ReactNode, useContext, useMemo } from "react";
import { lessonLookup } from "@/lib/tracks/derive";
import type { TrackLesson, TrackOutline } from "@/lib/tracks/types";
import { type TrackView, useTrackViews } from "./useTrackProgress";

const TrackViewContext = createContext<TrackView | null>(null);

/**
 * The one client island of a track's page: it derives the learner's state on the track
 * once, and the small parts inside the server-rendered path (markers, status lines, the
 * follow control) read it from here.
 */
export function TrackProgressIsland({ track, lessons, children }: { track: TrackOutline; lessons: readonly TrackLesson[]; children: ReactNode }) {
  const lookup = useMemo(() => lessonLookup(lessons), [lessons]);
  const tracks = useMemo(() => [track], [track]);
  const [view] = useTrackViews(tracks, lookup);
  return <TrackViewContext.Provider value={view ?? null}>{children}</TrackViewContext.Provider>;
}

export function useTrackView(): TrackView {
  const view = useContext(TrackViewContext);
  if (!view) throw new Error("useTrackView needs a TrackProgressIsland around it");
  return view;
}

/** For a path whose view is derived elsewhere (a team track: its start is the assignment, not following). */
export function TrackViewProvider({ view, children }: { view: TrackView; children: ReactNode }) {
  return <TrackViewContext.Provider value={view}>{children}</TrackViewContext.Provider>;
}
