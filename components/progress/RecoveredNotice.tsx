"use client";

import { type ReactNode, useState } from "react";
import { useProgress } from "@/lib/progress/store";
import type { SetAside } from "@/lib/progress/storage";
import { downloadText } from "./downloadText";

type Outcome = { ok: boolean; text: string };

const button = "rounded-md border border-line bg-surface px-3 py-1 font-medium hover:bg-sunken";
const primary = "rounded-md bg-accent px-3 py-1 font-semibold text-accent-ink hover:opacity-90";

/**
 * Tells the learner when stored progress could not be read. Usually it was copied aside and
 * nothing more is needed. When storage was too full for the copy, the data is still in place
 * and saving is paused; the notice then offers the way out: download the data, then free the
 * space (or discard it on purpose), and saving resumes.
 */
export function RecoveredNotice() {
  const recovered = useProgress((s) => s.recovered);
  const dismiss = useProgress((s) => s.dismissRecovered);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

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
  if (!recovered) return null;
  if (recovered.leftInPlace) return <StorageFullNotice recovered={recovered} onDone={setOutcome} onLater={dismiss} />;
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

function Banner({ role, tone = "warn", children }: { role: "alert" | "status"; tone?: "warn" | "good"; children: ReactNode }) {
  return (
    <div role={role} className={`border-b ${tone === "good" ? "border-good/40 bg-good-soft" : "border-warn/40 bg-warn-soft"}`}>
      <div className="mx-auto flex max-w-6xl flex-wrap items-start gap-3 px-4 py-3 text-sm sm:px-6">{children}</div>
    </div>
  );
}

type Step = "offer" | "downloaded" | "confirm-discard";

function StorageFullNotice({ recovered, onDone, onLater }: { recovered: SetAside; onDone: (o: Outcome) => void; onLater: () => void }) {
  const unreadable = useProgress((s) => s.unreadableProgress);
  const discard = useProgress((s) => s.discardUnreadableProgress);
  const [step, setStep] = useState<Step>("offer");
  const [fileName, setFileName] = useState("");

  const download = () => {
    const data = unreadable();
    if (data === null) {
      setFileName("");
      setStep("downloaded");
      return;
    }
    setFileName(downloadText(data, unreadableFileName(data, new Date())));
    setStep("downloaded");
  };

  const free = () => {
    const saved = discard();
    onDone(
      saved
        ? { ok: true, text: "The unreadable data was removed from this browser, and Quorum is saving your progress again." }
        : {
            ok: false,
            text: "The unreadable data was removed, but this browser still refuses to save: its storage for this site is full. Clear this site's other stored data, or export your progress from the Progress page so it is not lost.",
          },
    );
  };

  return (
    <Banner role="alert">
      <div className="min-w-0 flex-1 space-y-2">
        <p>
          <strong className="font-semibold">Your saved progress could not be read</strong>, because {recovered.reason}. This
          browser&apos;s storage is too full to keep a copy aside, so the data is still there, and Quorum is not saving
          anything new until you deal with it: what you tick now will be lost when you reload.
        </p>
        {step === "offer" ? (
          <p>Download the unreadable data to keep it, then free the space so saving can resume.</p>
        ) : step === "downloaded" ? (
          <p data-testid="unreadable-downloaded">
            {fileName
              ? `Downloaded as ${fileName}. Once the file is safely saved, free the space so Quorum can save again.`
              : "The unreadable data is no longer in this browser (another tab may have removed it). Free the space so Quorum can save again."}
          </p>
        ) : (
          <p>Delete the unreadable data for good, without a copy? It cannot be brought back.</p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        {step === "offer" ? (
          <>
            <button type="button" onClick={download} className={primary}>
              Download the unreadable data
            </button>
            <button type="button" onClick={() => setStep("confirm-discard")} className={button}>
              Delete it without a copy…
            </button>
            <button type="button" onClick={onLater} className={button}>
              Not now
            </button>
          </>
        ) : step === "downloaded" ? (
          <>
            <button type="button" autoFocus onClick={free} className={primary}>
              I have the file: free the space
            </button>
            {fileName ? (
              <button type="button" onClick={download} className={button}>
                Download again
              </button>
            ) : null}
          </>
        ) : (
          <>
            <button type="button" autoFocus onClick={() => setStep("offer")} className={button}>
              Cancel
            </button>
            <button type="button" onClick={free} className="rounded-md border border-bad/50 bg-surface px-3 py-1 font-medium text-bad hover:bg-bad-soft">
              Delete it and resume saving
            </button>
          </>
        )}
      </div>
    </Banner>
  );
}

/** The file the unreadable data is saved as: .json when it still parses as JSON, else .txt. */
export function unreadableFileName(data: string, now: Date): string {
  let json = true;
  try {
    JSON.parse(data);
  } catch {
    json = false;
  }
  return `quorum-progress-unreadable-${now.toISOString().slice(0, 10)}.${json ? "json" : "txt"}`;
}
