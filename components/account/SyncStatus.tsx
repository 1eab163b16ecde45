"use client";

import { useEffect, useState } from "react";
import { useStore } from "zustand";
import { SESSION_CHANGED_EVENT } from "@/lib/account/session-request";
import { hasSignedInHint } from "@/lib/sync/hint";
import { describeSyncStatus, type SyncStatus as Status, syncStatusStore } from "@/lib/sync/status";

/** How often the words need refreshing: a countdown by the second, "2 min ago" by the half-minute. */
function refreshEvery(status: Status): number | null {
  if ((status.kind === "offline" || status.kind === "error") && status.retryAt !== null) return 1_000;
  if (status.kind === "synced") return 30_000;
  return null;
}

const DOT: Record<Exclude<Status["kind"], "signed-out">, string> = {
  synced: "bg-good",
  syncing: "bg-accent motion-safe:animate-pulse",
  offline: "bg-muted",
  error: "bg-warn",
};

/**
 * The header's sync state, in words. Renders nothing for a visitor who is not signed in; when
 * the signed-in hint is there, it loads the sync engine (lib/sync/browser) and starts it.
 */
export function SyncStatus() {
  const status = useStore(syncStatusStore, (s) => s.status);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    const start = () => {
      if (stop || !hasSignedInHint(document.cookie)) return;
      import("@/lib/sync/browser")
        .then((sync) => {
          if (!cancelled && !stop) stop = sync.startBrowserSync();
        })
        // The sync code could not load (the network dropped at that moment): nothing to show; the next page load tries again.
        .catch(() => {});
    };
    // Signing in without a full page load starts sync too (signing out stops it through signOutOfSync).
    const onSessionChange = () => {
      stop = undefined;
      start();
    };
    start();
    window.addEventListener(SESSION_CHANGED_EVENT, onSessionChange);
    return () => {
      cancelled = true;
      window.removeEventListener(SESSION_CHANGED_EVENT, onSessionChange);
      stop?.();
    };
  }, []);

  useEffect(() => {
    setNow(Date.now());
    const every = refreshEvery(status);
    if (every === null) return;
    const id = window.setInterval(() => setNow(Date.now()), every);
    return () => window.clearInterval(id);
  }, [status]);

  if (status.kind === "signed-out") return null;
  const { label, short, detail } = describeSyncStatus(status, now);
  return (
    <p className="flex min-w-0 items-center gap-1.5 text-xs leading-tight text-muted" data-sync={status.kind} title={detail ? `${label}: ${detail}` : label}>
      <span aria-hidden="true" className={`hidden size-2 shrink-0 rounded-full sm:block ${DOT[status.kind]}`} />
      {/* Only the state is live, so a screen reader hears "Synced" once, not every passing minute. */}
      <span role="status" aria-live="polite" className="text-ink">
        {/* Below md, and on the lg row the sections share, the header has room for a few words; screen readers always get the whole label. */}
        <span aria-hidden="true" className="whitespace-nowrap md:hidden lg:inline">
          {short}
        </span>
        <span className="sr-only md:not-sr-only md:whitespace-nowrap lg:sr-only">{label}</span>
      </span>
      {detail && <span className="sr-only md:not-sr-only md:truncate lg:sr-only">{detail}</span>}
    </p>
  );
}
