"use client";

import { useState } from "react";

/** The link in a read-only field (select it by hand if the clipboard is unavailable) and a Copy button. */
export function CopyLink({ link, label }: { link: string; label: string }) {
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const id = `link-${link.slice(-8)}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  };

  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 basis-60 rounded-lg border border-line bg-sunken px-3 py-1.5 font-mono text-sm"
          data-testid="invitation-link"
        />
        <button type="button" onClick={() => void copy()} className="rounded-lg border border-line px-3 py-1.5 text-sm font-medium hover:bg-sunken">
          Copy link
        </button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-muted">
        {copied === "yes" ? "Copied. Send it to them: it works once." : copied === "no" ? "Copying is not allowed here: select the link and copy it by hand." : ""}
      </p>
    </div>
  );
}
