import type { ReactNode } from "react";

export type Outcome = { ok: boolean; text: string };

export const button = "rounded-md border border-line bg-surface px-3 py-1 font-medium hover:bg-sunken";
export const primary = "rounded-md bg-accent px-3 py-1 font-semibold text-accent-ink hover:opacity-90";

/**
 * A notice about the browser's stored data: the strip under the header that the progress
 * notices use, or the same look as a box in a page's flow (`inline`, the followed tracks').
 */
export function Banner({ role, tone = "warn", inline = false, children }: { role: "alert" | "status"; tone?: "warn" | "good"; inline?: boolean; children: ReactNode }) {
  const colours = tone === "good" ? "border-good/40 bg-good-soft" : "border-warn/40 bg-warn-soft";
  const row = "flex flex-wrap items-start gap-3 px-4 py-3 text-sm";
  if (inline) {
    return (
      <div role={role} className={`mt-6 rounded-xl border ${colours} ${row}`}>
        {children}
      </div>
    );
  }
  return (
    <div role={role} className={`border-b ${colours}`}>
      <div className={`mx-auto max-w-6xl sm:px-6 ${row}`}>{children}</div>
    </div>
  );
}

/** How something the learner asked for went, in words, until they dismiss it (the button takes the focus). */
export function OutcomeBanner({ outcome, onDismiss, inline = false }: { outcome: Outcome; onDismiss: () => void; inline?: boolean }) {
  return (
    <Banner role="status" tone={outcome.ok ? "good" : "warn"} inline={inline}>
      <p className={`min-w-0 flex-1 ${outcome.ok ? "" : "font-medium"}`}>{outcome.text}</p>
      <button type="button" autoFocus onClick={onDismiss} className={button}>
        Dismiss
      </button>
    </Banner>
  );
}
