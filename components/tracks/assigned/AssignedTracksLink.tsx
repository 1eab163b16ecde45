"use client";

import { IntentLink as Link } from "@/components/site/IntentLink";
import { useEffect } from "react";
import { hasSignedInHint } from "@/lib/sync/hint";
import { useAssigned } from "@/lib/tracks/assigned";

/** On /tracks: a way to the tracks a team gave the learner, when there are any (signed-out: nothing, no request). */
export function AssignedTracksLink() {
  const state = useAssigned((s) => s.state);
  const load = useAssigned((s) => s.load);
  useEffect(() => {
    void load({ signedIn: () => hasSignedInHint(document.cookie), fetcher: (...args) => fetch(...args) });
  }, [load]);
  if (state.status !== "ready" || state.tracks.length === 0) return null;
  const n = state.tracks.length;
  return (
    <p className="mt-6 rounded-xl border border-accent/50 bg-accent-soft p-4" data-testid="assigned-tracks-link">
      Your team gave you {n === 1 ? "a track" : `${n} tracks`}:{" "}
      <Link href="/tracks/assigned" className="font-medium text-accent underline underline-offset-2">
        {n === 1 ? state.tracks[0]!.track.title : "see them"}
      </Link>
      .
    </p>
  );
}
