"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { DueBadge } from "@/components/review/DueBadge";
import { MainNav } from "./MainNav";
import { ThemeSwitcher } from "./ThemeSwitcher";

/**
 * Below the width where the header holds every section, a Menu button opens them as a list,
 * with the theme choice. A disclosure, not a modal: Escape or a click elsewhere closes it and
 * focus goes back to the button; following a link closes it too.
 */
export function PhoneMenu({ className = "" }: { className?: string }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  return (
    <div ref={root} className={className}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        className="flex items-center gap-1.5 rounded-md border border-line px-2.5 py-1 text-sm text-ink hover:bg-surface"
      >
        <MenuIcon open={open} />
        Menu
        <DueBadge />
      </button>
      {open ? (
        <div id={panelId} className="absolute inset-x-0 top-full border-b border-line bg-paper px-3 pt-2 pb-4 shadow-sm sm:px-6">
          <MainNav variant="menu" />
          <div className="mt-3 flex items-center justify-between gap-3 border-t border-line px-3 pt-3 text-sm text-muted">
            <span>Theme</span>
            <ThemeSwitcher />
          </div>
        </div>
      ) : null}
    </div>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      {open ? (
        <path d="M3 3l8 8M11 3l-8 8" />
      ) : (
        <path d="M2 4h10M2 7h10M2 10h10" />
      )}
    </svg>
  );
}
