"use client";

import { useEffect, useRef } from "react";

/**
 * What a reader sees when a page fails to render: what happened, that their progress is safe
 * (it lives in the browser's storage, which a failed render does not touch), a way to try
 * again and a way out. The heading takes focus so a keyboard or screen-reader user is told.
 * A server error carries a digest, Next's hash of it, which matches the server's log line.
 */
export function ErrorPanel({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="mx-auto max-w-2xl px-4 py-24 text-center sm:px-6">
      <p className="text-sm font-semibold tracking-wider text-accent uppercase">Something went wrong</p>
      <h1 ref={heading} tabIndex={-1} className="mt-2 text-3xl font-bold tracking-tight outline-none">
        This page could not be shown
      </h1>
      <p className="mt-4 text-muted">
        Your progress is safe: it is kept in this browser, and nothing was changed. Trying again often
        works; if it does not, the rest of Quorum still does.
      </p>
      {error.digest && (
        <p className="mt-3 text-sm text-muted">
          Reference for a bug report: <code className="font-mono">{error.digest}</code>
        </p>
      )}
      <div className="mt-8 flex flex-wrap items-center justify-center gap-3">
        <button
          type="button"
          onClick={retry}
          className="rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
        >
          Try again
        </button>
        {/* A full page load, not a client navigation: it starts the app afresh. */}
        <a href="/" className="rounded-lg border border-line px-4 py-2 font-semibold hover:bg-surface">
          Back to the curriculum
        </a>
      </div>
    </div>
  );
}
