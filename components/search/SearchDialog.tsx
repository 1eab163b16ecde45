"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { type SearchHit, searchLessons } from "@/lib/search/query";
import type { Snippet } from "@/lib/search/snippet";
import { useSearchIndex } from "./useSearchIndex";

/**
 * The search dialog: a modal <dialog> (the platform keeps focus inside it, makes the page
 * behind it inert, closes it on Escape and gives focus back to where it was), holding a
 * combobox whose results are a listbox. Arrow keys move through results, Enter opens one.
 */
export function SearchDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const router = useRouter();
  const index = useSearchIndex();
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const ids = useId();

  const hits = useMemo(() => (index.status === "ready" ? searchLessons(index.engine, query) : []), [index, query]);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
    };
  }, []);

  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: "nearest" });
  }, [active, hits]);

  const open = (hit: SearchHit) => {
    dialog.current?.close();
    router.push(hit.href);
    focusWhenShown(hit.href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (hits.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((a) => (a + step + hits.length) % hits.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const hit = hits[active];
      if (hit) open(hit);
    }
  };

  const optionId = (i: number) => `${ids}-hit-${i}`;
  const status =
    index.status === "loading"
      ? "Loading the search index…"
      : index.status === "error"
        ? `Search is unavailable: ${index.reason}. Check your connection and try again.`
        : query.trim() === ""
          ? "Type to search the lessons: titles, sections, checklists, callouts and quiz questions."
          : hits.length === 0
            ? `No results for “${query.trim()}”.`
            : `${hits.length} result${hits.length === 1 ? "" : "s"}. Use the arrow keys to move and Enter to open.`;

  return (
    <dialog
      ref={dialog}
      aria-label="Search lessons"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === dialog.current) dialog.current.close(); // a click on the backdrop
      }}
      className="mx-auto mt-[8vh] mb-auto flex max-h-[84vh] w-[min(42rem,calc(100vw-1.5rem))] flex-col overflow-hidden rounded-xl border border-line bg-surface p-0 text-ink shadow-2xl backdrop:bg-black/50 [&:not([open])]:hidden"
    >
      {/* The input's own outline is replaced by the row's underline, so focus stays visible without boxing the text. */}
      <div className="flex items-center gap-3 border-b-2 border-line px-4 focus-within:border-accent">
        <svg width="18" height="18" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6" className="shrink-0 text-muted">
          <circle cx="7" cy="7" r="4.5" />
          <path d="m10.5 10.5 3.5 3.5" />
        </svg>
        <label htmlFor={`${ids}-input`} className="sr-only">
          Search lessons
        </label>
        <input
          id={`${ids}-input`}
          type="text"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={`${ids}-results`}
          aria-autocomplete="list"
          aria-activedescendant={hits.length > 0 ? optionId(active) : undefined}
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="search"
          placeholder="Search lessons"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="min-w-0 flex-1 bg-transparent py-4 text-base outline-none! placeholder:text-muted"
        />
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="shrink-0 rounded-md border border-line px-2 py-0.5 text-xs text-muted hover:text-ink"
        >
          <span className="sr-only">Close search</span>
          <span aria-hidden="true">Esc</span>
        </button>
      </div>
      <p role="status" className="px-4 pt-3 pb-2 text-sm text-muted">
        {status}
      </p>
      <ul ref={list} id={`${ids}-results`} role="listbox" aria-label="Results" tabIndex={-1} className="min-h-0 flex-1 overflow-y-auto px-2 pb-2">
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseMove={() => setActive(i)}
            onClick={() => open(hit)}
            className="cursor-pointer rounded-lg border-l-4 border-transparent px-3 py-2.5 aria-selected:border-accent aria-selected:bg-accent-soft"
          >
            <span className="block text-xs text-muted">
              Practice {hit.lessonNumber} · {hit.lessonTitle}
            </span>
            <span className="mt-0.5 block font-semibold">{hit.section}</span>
            <SnippetText snippet={hit.snippet} />
          </li>
        ))}
      </ul>
      <p aria-hidden="true" className="hidden border-t border-line px-4 py-2 text-xs text-muted sm:block">
        <kbd className="font-mono">↑</kbd> <kbd className="font-mono">↓</kbd> to move · <kbd className="font-mono">Enter</kbd> to open ·{" "}
        <kbd className="font-mono">Esc</kbd> to close
      </p>
    </dialog>
  );
}

function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <span className="mt-1 block font-serif text-sm leading-relaxed text-muted">
      {snippet.clippedStart ? "… " : null}
      {snippet.parts.map((part, i) =>
        part.match ? (
          <mark key={i} className="rounded-sm bg-transparent font-semibold text-ink underline decoration-accent decoration-2 underline-offset-2">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
      {snippet.clippedEnd ? " …" : null}
    </span>
  );
}

/**
 * After the router has shown the result's page, move focus to the heading it opened, so the
 * keyboard carries on from there (the dialog gave focus back to the search button first).
 */
function focusWhenShown(href: string) {
  const [path, anchor] = href.split("#");
  const deadline = performance.now() + 5000;
  const attempt = () => {
    const target = window.location.pathname === path ? (anchor ? document.getElementById(anchor) : document.getElementById("main")) : null;
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    } else if (performance.now() < deadline) {
      requestAnimationFrame(attempt);
    }
  };
  requestAnimationFrame(attempt);
}
