"use client";

import { secondaryButton } from "@/components/ui/buttons";

/** Opens the browser's print dialog (print or save as PDF); the print stylesheet does the rest. */
export function PrintButton({ label = "Print" }: { label?: string }) {
  return (
    <button type="button" className={`${secondaryButton} print:hidden`} onClick={() => window.print()}>
      {label}
    </button>
  );
}
