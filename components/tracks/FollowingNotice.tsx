"use client";

import { Banner, button } from "@/components/ui/Banner";
import { RetryReadingNotice } from "@/components/ui/RetryReadingNotice";
import { useFollowing } from "@/lib/tracks/store";
import { useFollowingSync } from "./useTrackProgress";

const retryWords = {
  failed: (
    <>
      <strong className="font-semibold">The tracks you follow could not be read</strong>: part of this page did not load (are you
      offline?). Nothing stored was changed. A track you follow or stop now is kept in this tab but not saved until they are read.
    </>
  ),
  stillFailing: "Still not loaded. Check your connection and try again; keep this tab open to keep what you followed.",
  resumed: "The tracks you follow were read, any you followed meanwhile were added, and saving has resumed.",
};

/**
 * Tells the learner when their followed tracks could not be read: set aside (with the backup
 * key), or not checked at all because part of the page did not load (with "Try again").
 */
export function FollowingNotice() {
  useFollowingSync();
  const recovered = useFollowing((s) => s.recovered);
  const dismiss = useFollowing((s) => s.dismissRecovered);
  const unsaved = useFollowing((s) => s.unsaved);
  const retryReading = useFollowing((s) => s.retryReading);
  const retry = async () => {
    await retryReading();
    return !useFollowing.getState().unsaved;
  };
  return (
    <RetryReadingNotice unsaved={unsaved} retry={retry} words={retryWords} inline>
      {recovered ? (
        <Banner role="alert" inline>
          <p className="min-w-0 flex-1">
            <strong className="font-semibold">The tracks you follow could not be read</strong>, because {recovered.reason}. They have been kept
            aside in this browser under the key <code className="font-mono text-xs break-all">{recovered.backupKey}</code>; follow a track again
            to start anew. Your lesson progress is not affected.
          </p>
          <button type="button" onClick={dismiss} className={button}>
            Dismiss
          </button>
        </Banner>
      ) : null}
    </RetryReadingNotice>
  );
}
