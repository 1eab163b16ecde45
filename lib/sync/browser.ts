/**
 * Sync in the browser: the engine wired to fetch, window events, localStorage and the app's
 * progress store. Loaded on demand (SyncStatus imports it only when the signed-in hint is
 * there; the account UI imports it to sign out), so anonymous pages never download it.
 */
import { useProgress } from "@/lib/progress/store";
import { type ProgressFacts } from "@/lib/progress/types";
import { createSyncEngine, type SyncEngine, type Timers, type Transport } from "./engine";
import { discardUnsent, type KeyValueStorage, parseSyncRecord, readSyncRecord, SYNC_KEY, writeSyncRecord } from "./memory";
import { claimProgress, type OwnedStore, releaseProgress } from "./ownership";
import { SYNC_PATH } from "./protocol";
import { probeSession } from "./session";
import { setSyncStatus } from "./status";
import { adaptProgressStore } from "./store-adapter";

interface Running {
  account: string;
  engine: SyncEngine;
  dispose: () => void;
}

let running: Running | null = null;

const ownedStore: OwnedStore = {
  getFacts: () => useProgress.getState().facts,
  getDeviceId: () => useProgress.getState().deviceId,
  mergeFrom: (facts) => {
    useProgress.getState().mergeFrom(facts);
  },
  replaceFacts: (facts: ProgressFacts) => useProgress.setState({ facts }),
};

const fetchTransport: Transport = async (request, signal) => {
  const response = await fetch(SYNC_PATH, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  const body: unknown = await response.json().catch(() => null);
  return { kind: "answer", status: response.status, body, retryAfter: response.headers.get("retry-after") };
};

const browserTimers: Timers = {
  now: () => Date.now(),
  set: (callback, ms) => window.setTimeout(callback, ms),
  clear: (handle) => {
    if (typeof handle === "number") window.clearTimeout(handle);
  },
};

/** localStorage, or a stand-in that keeps nothing when it is disabled. */
function storage(): KeyValueStorage {
  try {
    return window.localStorage;
  } catch {
    return { getItem: () => null, setItem: () => {}, removeItem: () => {} };
  }
}

function hydrated(): Promise<void> {
  if (useProgress.persist.hasHydrated()) return Promise.resolve();
  return new Promise((resolve) => {
    const off = useProgress.persist.onFinishHydration(() => {
      off();
      resolve();
    });
  });
}

/**
 * Starts syncing if someone is signed in (asking the server who), and returns a function that
 * stops it. Safe to call again: while sync runs, it does nothing.
 */
export function startBrowserSync(): () => void {
  let cancelled = false;
  void (async () => {
    await hydrated();
    if (cancelled || running) return;
    const probe = await probeSession()();
    if (cancelled || running) return;
    // Offline at page load: go on with the account this browser last synced for; the server
    // refuses the request if that is no longer who is signed in.
    const account = probe.kind === "signed-in" ? probe.account : probe.kind === "unknown" ? readSyncRecord(storage())?.account : null;
    if (!account) return setSyncStatus({ kind: "signed-out" });
    running = run(account);
  })();
  return () => {
    cancelled = true;
    stopBrowserSync();
  };
}

export function stopBrowserSync(): void {
  running?.dispose();
  running = null;
}

function run(account: string): Running {
  const store = storage();
  const memory = claimProgress(store, ownedStore, account);
  const engine = createSyncEngine({
    account,
    store: adaptProgressStore(useProgress),
    transport: fetchTransport,
    timers: browserTimers,
    random: Math.random,
    isOnline: () => navigator.onLine,
    isVisible: () => document.visibilityState === "visible",
    memory,
    saveMemory: (m) => writeSyncRecord(store, account, useProgress.getState().deviceId, m),
    onStatus: setSyncStatus,
    onStop: (reason) => {
      stopBrowserSync();
      // Signed in as someone else meanwhile (another tab): start again as them.
      if (reason === "account-changed") startBrowserSync();
    },
  });

  const onOnline = () => engine.online();
  const onOffline = () => engine.offline();
  const onFocus = () => engine.focus();
  const onVisibility = () => engine.visibility(document.visibilityState === "visible");
  const onStorage = (event: StorageEvent) => {
    if (event.key !== SYNC_KEY) return;
    const record = parseSyncRecord(event.newValue);
    if (record?.account === account) return;
    // Another tab signed out (the record is gone) or signed in as another account: this tab's
    // store still holds the old account's facts in memory; take the stored ones instead.
    stopBrowserSync();
    void useProgress.persist.rehydrate();
    if (record) startBrowserSync();
  };
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOffline);
  window.addEventListener("focus", onFocus);
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("storage", onStorage);
  engine.start();

  return {
    account,
    engine,
    dispose() {
      engine.stop();
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("storage", onStorage);
    },
  };
}

export interface SignOutResult {
  /** Some facts could not reach the server; they are kept aside in this browser for this account. */
  keptUnsent: boolean;
}

/**
 * What the account UI calls to sign out: sends what is waiting, ends the session with
 * `endSession` (the auth client's sign-out), then empties this browser's progress, which is
 * the account's and lives on the server. If the session cannot be ended, `endSession`'s error
 * propagates and nothing here changes.
 */
export async function signOutOfSync(endSession: () => Promise<unknown>): Promise<SignOutResult> {
  const current = running;
  const allSent = current ? await current.engine.flush() : false;
  await endSession();
  stopBrowserSync();
  const account = current?.account ?? readSyncRecord(storage())?.account;
  // No owner means the progress never synced: it is anonymous, and stays.
  if (account) releaseProgress(storage(), ownedStore, account, allSent);
  setSyncStatus({ kind: "signed-out" });
  return { keptUnsent: account !== undefined && !allSent };
}

/**
 * What the account UI calls once the server has confirmed the account's deletion: this
 * browser's progress goes as it does on signing out (it was the account's), and so does
 * anything kept aside for that account, which can never sign in again to take it back.
 * Progress that never synced belongs to nobody and stays, as on signing out.
 */
export function forgetDeletedAccount(): void {
  const account = running?.account ?? readSyncRecord(storage())?.account;
  stopBrowserSync();
  if (account) {
    releaseProgress(storage(), ownedStore, account, true);
    discardUnsent(storage(), account);
  }
  setSyncStatus({ kind: "signed-out" });
}
