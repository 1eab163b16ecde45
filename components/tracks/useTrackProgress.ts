"use client";

import { useEffect, useMemo } from "react";
import { useProgress } from "@/lib/progress/store";
import type { TimeContext } from "@/lib/tracks/calendar";
import { deriveTrackProgress, type LessonLookup, type TrackProgress } from "@/lib/tracks/derive";
import { startFollowingSync, useFollowing } from "@/lib/tracks/store";
import type { TrackOutline } from "@/lib/tracks/types";
import { useNow } from "./useNow";

export interface TrackView {
  /** False until progress, the followed tracks and the clock have all been read in the browser. */
  ready: boolean;
  progress: TrackProgress;
  /** When the learner started following this track; null when they do not follow it. */
  startedAt: number | null;
  time: TimeContext;
}

const BEFORE_MOUNT: TimeContext = { now: 0, timeZone: "UTC" };

/** Reads the followed tracks from storage once per page (the first island that needs them starts it). */
export function useFollowingSync(): void {
  useEffect(() => startFollowingSync(), []);
}

/** A track as this learner stands on it now: their facts, whether they follow it, and the time. */
export function useTrackViews(tracks: readonly TrackOutline[], lessons: LessonLookup): TrackView[] {
  useFollowingSync();
  const facts = useProgress((s) => s.facts);
  const progressReady = useProgress((s) => s.hydrated);
  const following = useFollowing((s) => s.following);
  const followingReady = useFollowing((s) => s.hydrated);
  const now = useNow();
  return useMemo(() => {
    const time = now ?? BEFORE_MOUNT;
    return tracks.map((track) => {
      const startedAt = following[track.id]?.startedAt ?? null;
      return {
        ready: progressReady && followingReady && now !== null,
        progress: deriveTrackProgress({ track, lessons, learner: { facts }, startedAt, time }),
        startedAt,
        time,
      };
    });
  }, [tracks, lessons, facts, following, progressReady, followingReady, now]);
}
