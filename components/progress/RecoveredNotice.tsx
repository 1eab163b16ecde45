"use client";

import { lazy, Suspense, useState } from "react";
import { Banner, button, type Outcome, OutcomeBanner } from "@/components/ui/Banner";
import { RetryReadingNotice } from "@/components/ui/RetryReadingNotice";
import { useProgress } from "@/lib/progress/store";

// Rarely needed, so kept out of every page's first load.
const StorageFullNotice = lazy(() => import("./StorageFullNotice").then((m) => ({ default: m.StorageFullNotice })));

const retryWords = {
  failed: (
    <>
      <strong className="font-semibold">Your saved progress could not be read</strong>: part of this page did not load (are you
      offline?). Nothing stored was changed. What you do now is kept in this tab but not saved until it is read.
    </>
  ),
  stillFailing: "Still not loaded. Check your connection and try again; keep this tab open to keep what you did.",
  resumed: "Your saved progress was read, what you did meanwhile was added to it, and saving has resumed.",
};

/**
 * Tells the learner when stored progress could not be read. Usually it was copied aside and
 * nothing more is needed. When storage was too full for the copy, the data is still in place
 * and saving is paused; the notice then offers the way out: download the data, then free the
 * space (or discard it on purpose), and saving resumes. When the checks did not load at all,
 * it offers to try again (`RetryReadingNotice`).
 */
export function RecoveredNotice() {
  const recovered = useProgress((s) => s.recovered);
  const dismiss = useProgress((s) => s.dismissRecovered);
  const unsaved = useProgress((s) => s.unsaved);
  const retryReading = useProgress((s) => s.retryReading);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const retry = async () => {
    await retryReading();
    return !useProgress.getState().unsaved;
  };

  return (
    <RetryReadingNotice unsaved={unsaved} retry={retry} words={retryWords}>
      {outcome ? (
        <OutcomeBanner outcome={outcome} onDismiss={() => setOutcome(null)} />
      ) : !recovered ? null : recovered.leftInPlace ? (
        <Suspense fallback={null}>
          <StorageFullNotice recovered={recovered} onDone={setOutcome} onLater={dismiss} />
        </Suspense>
      ) : (
        <Banner role="alert">
          <p className="min-w-0 flex-1">
            <strong className="font-semibold">Your saved progress could not be read</strong>, because {recovered.reason}. It has
            been kept aside in this browser under the key <code className="font-mono text-xs">{recovered.backupKey}</code>, and
            Quorum has started fresh. Nothing was deleted.
          </p>
          <button type="button" onClick={dismiss} className={button}>
            Dismiss
          </button>
        </Banner>
      )}
    </RetryReadingNotice>
  );
}
