"use client";

import { useRef, useState } from "react";
import { useProgress } from "@/lib/progress/store";
import { buildExport, exportFileName } from "@/lib/progress/transfer";

type Message = { ok: boolean; text: string } | null;

/** Export progress to a file, import one (validated and merged, never overwriting), or reset with a confirmation. */
export function ProgressTransfer() {
  const importFile = useProgress((s) => s.importFile);
  const reset = useProgress((s) => s.reset);
  // Until stored progress has been read (and checked), the store holds only this visit's facts:
  // an export then would be an incomplete copy that looks complete.
  const readable = useProgress((s) => s.hydrated && !s.unsaved);
  const [message, setMessage] = useState<Message>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const exportProgress = () => {
    const now = new Date();
    const file = buildExport(useProgress.getState().facts, now);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = exportFileName(now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage({ ok: true, text: `Exported to ${link.download}.` });
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const result = await importFile(await file.text());
    setMessage({ ok: result.ok, text: result.message });
  };

  const confirmReset = () => {
    reset();
    dialog.current?.close();
    setMessage({ ok: true, text: "Your progress was reset. Open tabs will follow." });
  };

  return (
    <section aria-labelledby="transfer-heading" className="mt-10 rounded-xl border border-line bg-surface p-5">
      <h2 id="transfer-heading" className="text-lg font-semibold">
        Move or reset your progress
      </h2>
      <p className="mt-1 text-sm text-muted">
        Progress lives in this browser. Export it to a file to keep a copy or carry it to another browser; importing a file
        merges it with what is here and never overwrites it.
      </p>
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={exportProgress} disabled={!readable} className="rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90 disabled:opacity-60">
          Export progress
        </button>
        <label className="cursor-pointer rounded-lg border border-line px-4 py-2 font-medium hover:bg-sunken has-focus-visible:outline-3 has-focus-visible:outline-accent">
          Import progress…
          <input
            type="file"
            accept="application/json,.json"
            className="sr-only"
            data-testid="import-input"
            onChange={(e) => void onFile(e.currentTarget)}
          />
        </label>
        <button
          type="button"
          onClick={() => dialog.current?.showModal()}
          className="rounded-lg border border-bad/50 px-4 py-2 font-medium text-bad hover:bg-bad-soft"
        >
          Reset progress…
        </button>
      </div>
      <p role="status" className={`mt-4 min-h-6 text-sm ${message?.ok === false ? "font-medium text-bad" : ""}`} data-testid="transfer-message">
        {message?.text}
      </p>
      <dialog
        ref={dialog}
        aria-labelledby="reset-title"
        className="m-auto max-w-md rounded-xl border border-line bg-surface p-6 text-ink shadow-xl backdrop:bg-black/50"
      >
        <h2 id="reset-title" className="text-lg font-semibold">
          Reset all progress?
        </h2>
        <p className="mt-2 text-sm text-muted">
          Every checklist tick, skipped lesson, quiz attempt, self-assessment answer and review in this browser will be cleared. Export first if you may want
          them back. This cannot be undone.
        </p>
        <div className="mt-6 flex justify-end gap-3">
          <button type="button" autoFocus onClick={() => dialog.current?.close()} className="rounded-lg border border-line px-4 py-2 font-medium hover:bg-sunken">
            Cancel
          </button>
          <button type="button" onClick={confirmReset} className="rounded-lg bg-bad px-4 py-2 font-semibold text-surface hover:opacity-90">
            Reset everything
          </button>
        </div>
      </dialog>
    </section>
  );
}
