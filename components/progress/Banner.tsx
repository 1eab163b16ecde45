import type { ReactNode } from "react";

export type Outcome = { ok: boolean; text: string };

export const button = "rounded-md border border-line bg-surface px-3 py-1 font-medium hover:bg-sunken";
export const primary = "rounded-md bg-accent px-3 py-1 font-semibold text-accent-ink hover:opacity-90";

/** The strip under the header that the progress notices use. */
export function Banner({ role, tone = "warn", children }: { role: "alert" | "status"; tone?: "warn" | "good"; children: ReactNode }) {
  return (
    <div role={role} className={`border-b ${tone === "good" ? "border-good/40 bg-good-soft" : "border-warn/40 bg-warn-soft"}`}>
      <div className="mx-auto flex max-w-6xl flex-wrap items-start gap-3 px-4 py-3 text-sm sm:px-6">{children}</div>
    </div>
  );
}
