"use client";

import { lazy, Suspense, useEffect, useState } from "react";

// The dialog, MiniSearch and the index load only when search is first opened.
const loadDialog = () => import("./SearchDialog");
const SearchDialog = lazy(() => loadDialog().then((m) => ({ default: m.SearchDialog })));

/** True when a key press is text going into a field, where "/" must stay a character. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const editable = target.isContentEditable || target.closest('[contenteditable]:not([contenteditable="false"])') !== null;
  return editable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The header's search button; "/" and Ctrl+K or ⌘K open the search dialog from anywhere. */
export function SearchButton() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const commandK = (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k";
      const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      if (!commandK && !slash) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        onClick={() => setOpen(true)}
        onPointerEnter={loadDialog}
        onFocus={loadDialog}
        className="flex items-center gap-2 rounded-md border border-line bg-surface px-2 py-1 text-sm text-muted hover:text-ink sm:min-w-40"
      >
        <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
          <circle cx="7" cy="7" r="4.5" />
          <path d="m10.5 10.5 3.5 3.5" />
        </svg>
        <span className="sr-only sm:not-sr-only">Search</span>
        <kbd aria-hidden="true" className="ml-auto hidden rounded border border-line px-1.5 font-mono text-xs sm:inline">
          /
        </kbd>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <SearchDialog onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
