/**
 * What the header says about sync. A tiny store of its own, outside the progress store and
 * its persisted state: the engine writes it, SyncStatus reads it. It loads with every page,
 * so it holds nothing but the state and how to say it in words.
 */
import { createStore } from "zustand/vanilla";

export type SyncStatus =
  /** Not signed in (or sync is not running): nothing is shown. */
  | { kind: "signed-out" }
  | { kind: "syncing" }
  | { kind: "synced"; at: number }
  /** No connection: changes wait here. retryAt is null while the browser says it is offline. */
  | { kind: "offline"; pending: number; retryAt: number | null }
  /** The server refused or failed; `problem` says what in words, retryAt when it tries again (null: it will not by itself). */
  | { kind: "error"; problem: string; pending: number; retryAt: number | null };

export const syncStatusStore = createStore<{ status: SyncStatus }>(() => ({ status: { kind: "signed-out" } }));

export function setSyncStatus(status: SyncStatus): void {
  syncStatusStore.setState({ status });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "just now", "3 min ago", "2 h ago", or the date. */
export function timeAgo(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `on ${new Date(at).toLocaleDateString("en-GB", { day: "numeric", month: "short" })}`;
}

/** "in 8 s", "in 2 min". */
export function timeUntil(at: number, now: number): string {
  const seconds = Math.max(1, Math.ceil((at - now) / 1000));
  if (seconds < 60) return `in ${seconds} s`;
  return `in ${Math.round(seconds / 60)} min`;
}

export interface StatusWords {
  /** The state, short and stable: this is what a screen reader announces when it changes. */
  label: string;
  /** The label for a phone's header, where a few words must do ("Offline (3)"). */
  short: string;
  /** When, or what next; changes as time passes, so it is kept out of the live region. */
  detail: string | null;
}

export function describeSyncStatus(status: SyncStatus, now: number): StatusWords {
  switch (status.kind) {
    case "signed-out":
      return { label: "", short: "", detail: null };
    case "syncing":
      return { label: "Syncing…", short: "Syncing…", detail: null };
    case "synced":
      return { label: "Synced", short: "Synced", detail: timeAgo(status.at, now) };
    case "offline":
      return {
        label: status.pending > 0 ? `Offline: ${plural(status.pending, "change", "changes")} waiting` : "Offline",
        short: status.pending > 0 ? `Offline (${status.pending})` : "Offline",
        detail: status.retryAt === null ? "syncs when back online" : `can't reach the server, retrying ${timeUntil(status.retryAt, now)}`,
      };
    case "error": {
      const waiting = status.pending > 0 ? `, ${plural(status.pending, "change", "changes")} waiting` : "";
      return {
        label: `Not synced${waiting}`,
        short: "Not synced",
        detail: status.retryAt === null ? status.problem : `${status.problem}; retrying ${timeUntil(status.retryAt, now)}`,
      };
    }
  }
}
