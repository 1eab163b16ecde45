"use client";

import { useFollowing } from "@/lib/tracks/store";
import { useFollowingSync } from "./useTrackProgress";

/** Tells the learner when their followed tracks could not be read and were set aside. */
export function FollowingNotice() {
  useFollowingSync();
  const recovered = useFollowing((s) => s.recovered);
  const dismiss = useFollowing((s) => s.dismissRecovered);
  if (!recovered) return null;
  return (
    <div role="alert" className="mt-6 flex flex-wrap items-start gap-3 rounded-xl border border-warn/40 bg-warn-soft px-4 py-3 text-sm">
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">The tracks you follow could not be read</strong>, because {recovered.reason}. They have been kept
        aside in this browser under the key <code className="font-mono text-xs break-all">{recovered.backupKey}</code>; follow a track again
        to start anew. Your lesson progress is not affected.
      </p>
      <button type="button" onClick={dismiss} className="rounded-md border border-line bg-surface px-3 py-1 font-medium hover:bg-sunken">
        Dismiss
      </button>
    </div>
  );
}
