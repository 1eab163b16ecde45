"use client";

import { useEffect, useMemo } from "react";
import { useProgress } from "@/lib/progress/store";
import { hasSignedInHint } from "@/lib/sync/hint";
import { type AssignedTrack, useAssigned } from "@/lib/tracks/assigned";
import { deriveTrackProgress, lessonLookup } from "@/lib/tracks/derive";
import { outlineOf, type TrackLesson } from "@/lib/tracks/types";
import { useNow } from "../useNow";
import type { TrackView } from "../useTrackProgress";

export type AssignedView = TrackView & { assigned: AssignedTrack };

const BEFORE_MOUNT = { now: 0 };

/**
 * The learner's assigned team tracks and where they stand on each, derived from the local
 * progress facts and the time. `status` is "signed-out" (no request was made) until the
 * signed-in hint says otherwise.
 */
export function useAssignedViews(lessons: readonly TrackLesson[]): { status: "signed-out" | "loading" | "ready" | "failed"; message?: string; views: AssignedView[] } {
  const state = useAssigned((s) => s.state);
  const load = useAssigned((s) => s.load);
  const facts = useProgress((s) => s.facts);
  const progressReady = useProgress((s) => s.hydrated);
  const now = useNow();
  const lookup = useMemo(() => lessonLookup(lessons), [lessons]);

  useEffect(() => {
    void load({ signedIn: () => hasSignedInHint(document.cookie), fetcher: (...args) => fetch(...args) });
  }, [load]);

  const views = useMemo(() => {
    if (state.status !== "ready") return [];
    return state.tracks.map((assigned) => {
      const startedAt = Date.parse(assigned.startedAt);
      // A team track's due dates are days in the team's zone, wherever the learner is.
      const time = { now: (now ?? BEFORE_MOUNT).now, timeZone: assigned.team.timeZone };
      return {
        assigned,
        ready: progressReady && now !== null,
        progress: deriveTrackProgress({ track: outlineOf(assigned.track), lessons: lookup, learner: { facts }, startedAt, time }),
        startedAt,
        time,
      };
    });
  }, [state, facts, progressReady, now, lookup]);

  if (state.status === "idle" || state.status === "loading") return { status: "loading", views };
  if (state.status === "failed") return { status: "failed", message: state.message, views };
  return { status: state.status, views };
}

/** Marks a track's current revision seen the first time it is shown (so later edits can be told as changes). */
export function useMarkFirstSeen(views: readonly AssignedView[]): void {
  const markSeen = useAssigned((s) => s.markSeen);
  useEffect(() => {
    for (const v of views) {
      if (v.assigned.seenRevision === null) void markSeen(v.assigned.track.id, v.assigned.revision, (...args) => fetch(...args));
    }
  }, [views, markSeen]);
}
