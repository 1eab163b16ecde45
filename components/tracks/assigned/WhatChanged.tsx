"use client";

import { useAssigned } from "@/lib/tracks/assigned";
import { secondaryButton } from "@/components/ui/buttons";
import type { AssignedView } from "./useAssignedViews";

/** What a lead changed since the learner last looked, until they say they have seen it. */
export function WhatChanged({ view }: { view: AssignedView }) {
  const markSeen = useAssigned((s) => s.markSeen);
  const { changeSummary, track, revision } = view.assigned;
  if (changeSummary.length === 0) return null;
  return (
    <div className="mt-3 rounded-lg border border-warn/50 bg-warn-soft p-3 text-sm" data-testid={`changes-${track.id}`}>
      <p className="font-semibold">Changed since you last looked:</p>
      <ul className="mt-1 list-disc pl-5">
        {changeSummary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <button type="button" className={`${secondaryButton} mt-2 bg-surface py-1 text-sm`} onClick={() => void markSeen(track.id, revision, (...args) => fetch(...args))}>
        Got it
      </button>
    </div>
  );
}
