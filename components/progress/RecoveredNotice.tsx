"use client";

import { useProgress } from "@/lib/progress/store";

/** Tells the learner when stored progress could not be read and was set aside. */
export function RecoveredNotice() {
  const recovered = useProgress((s) => s.recovered);
  const dismiss = useProgress((s) => s.dismissRecovered);
  if (!recovered) return null;
  return (
    <div role="alert" className="border-b border-warn/40 bg-warn-soft">
      <div className="mx-auto flex max-w-6xl flex-wrap items-start gap-3 px-4 py-3 text-sm sm:px-6">
        <p className="min-w-0 flex-1">
          <strong className="font-semibold">Your saved progress could not be read</strong>, because {recovered.reason}.
          It has been kept aside in this browser under the key <code className="font-mono text-xs">{recovered.backupKey}</code>,
          and Quorum has started fresh. Nothing was deleted.
        </p>
        <button
          type="button"
          onClick={dismiss}
          className="rounded-md border border-line bg-surface px-3 py-1 font-medium hover:bg-sunken"
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}
