"use client";

import { type ReactNode, useState } from "react";
import { Banner, button, type Outcome, OutcomeBanner } from "./Banner";

export interface RetryReadingWords {
  /** Why nothing is saved: the stored data's checks did not load. */
  failed: ReactNode;
  /** After a retry that failed again. */
  stillFailing: string;
  /** After a retry that read the stored data. */
  resumed: string;
}

/**
 * For a store whose stored data could not be checked because its checks (loaded on demand) did
 * not load: says that nothing is saved until they do, offers "Try again", then says how the
 * retry went. Used by the progress store's notice and the followed tracks' one; keep it mounted
 * while the store is `unsaved`, and after, so the outcome of a retry that worked can be shown.
 * `children` (the store's other notices) show only when it has nothing to say, so a retry's
 * outcome is read first.
 */
export function RetryReadingNotice({
  unsaved,
  retry,
  words,
  inline = false,
  children = null,
}: {
  unsaved: boolean;
  retry: () => Promise<boolean>;
  words: RetryReadingWords;
  inline?: boolean;
  children?: ReactNode;
}) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [retrying, setRetrying] = useState(false);

  async function tryAgain() {
    setRetrying(true);
    const read = await retry();
    setRetrying(false);
    setOutcome(read ? { ok: true, text: words.resumed } : { ok: false, text: words.stillFailing });
  }

  if (outcome) return <OutcomeBanner outcome={outcome} onDismiss={() => setOutcome(null)} inline={inline} />;
  if (!unsaved) return children;
  return (
    <Banner role="alert" inline={inline}>
      <p className="min-w-0 flex-1">{words.failed}</p>
      <button type="button" onClick={() => void tryAgain()} disabled={retrying} className={button}>
        {retrying ? "Trying…" : "Try again"}
      </button>
    </Banner>
  );
}
