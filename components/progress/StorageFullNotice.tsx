"use client";

import { useState } from "react";
import { useProgress } from "@/lib/progress/store";
import type { SetAside } from "@/lib/progress/storage";
import { Banner, button, type Outcome, primary } from "@/components/ui/Banner";
import { downloadText } from "./downloadText";

type Step = "offer" | "downloaded" | "confirm-discard";

export function StorageFullNotice({ recovered, onDone, onLater }: { recovered: SetAside; onDone: (o: Outcome) => void; onLater: () => void }) {
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
