"use client";

import { lazy, Suspense, useState } from "react";
import { useProgress } from "@/lib/progress/store";
import { Banner, button, type Outcome } from "./Banner";

// Rarely needed, so kept out of every page's first load.
const StorageFullNotice = lazy(() => import("./StorageFullNotice").then((m) => ({ default: m.StorageFullNotice })));

/**
 * Tells the learner when stored progress could not be read. Usually it was copied aside and
 * nothing more is needed. When storage was too full for the copy, the data is still in place
 * and saving is paused; the notice then offers the way out: download the data, then free the
 * space (or discard it on purpose), and saving resumes.
 */
export function RecoveredNotice() {
  const recovered = useProgress((s) => s.recovered);
  const dismiss = useProgress((s) => s.dismissRecovered);
  const unsaved = useProgress((s) => s.unsaved);
  const retryReading = useProgress((s) => s.retryReading);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [retrying, setRetrying] = useState(false);

  async function retry() {
    setRetrying(true);
    await retryReading();
    setRetrying(false);
    setOutcome(
      useProgress.getState().unsaved
        ? { ok: false, text: "Still not loaded. Check your connection and try again; keep this tab open to keep what you did." }
        : { ok: true, text: "Your saved progress was read, what you did meanwhile was added to it, and saving has resumed." },
    );
  }

  if (outcome) {
    return (
      <Banner role="status" tone={outcome.ok ? "good" : "warn"}>
        <p className={`min-w-0 flex-1 ${outcome.ok ? "" : "font-medium"}`}>{outcome.text}</p>
        <button type="button" autoFocus onClick={() => setOutcome(null)} className={button}>
          Dismiss
        </button>
      </Banner>
    );
  }
  if (unsaved) {
    return (
      <Banner role="alert">
        <p className="min-w-0 flex-1">
          <strong className="font-semibold">Your saved progress could not be read</strong>: part of this page did not load (are you
          offline?). Nothing stored was changed. What you do now is kept in this tab but not saved until it is read.
        </p>
        <button type="button" onClick={() => void retry()} disabled={retrying} className={button}>
          {retrying ? "Trying…" : "Try again"}
        </button>
      </Banner>
    );
  }
  if (!recovered) return null;
  if (recovered.leftInPlace) {
    return (
      <Suspense fallback={null}>
        <StorageFullNotice recovered={recovered} onDone={setOutcome} onLater={dismiss} />
      </Suspense>
    );
  }
  return (
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
  );
}
