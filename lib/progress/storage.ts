/**
 * The persist storage behind the progress store (and, with its own checks, the followed-tracks
 * store). Whatever it reads back is validated
 * against the schema of the version it claims; anything unreadable, invalid or from a newer
 * version is set aside under a backup key (never deleted), the app is told, and it starts
 * from empty progress instead of crashing.
 *
 * The validation needs zod, which is kept out of the pages' first load: reading is
 * asynchronous and loads the checks (lib/progress/checks.ts) only when there is something
 * stored to check. While a read is under way nothing is written, so a save made meanwhile
 * cannot overwrite what is being read; the store saves once the read is done. If the checks
 * cannot be loaded (the network went away), saving pauses until a later read succeeds
 * (`checksMissing` tells the app, which offers to try again): progress that could not be
 * checked is not overwritten either.
 *
 * When storage is too full to hold the copy, the unreadable data stays where it is and
 * saving stops, so that nothing overwrites it. The way out is the learner's: download it
 * (`unreadable`), then delete it (`discardUnreadable`), which lets saving resume.
 */
import type { PersistStorage, StorageValue } from "zustand/middleware";
import type { StoredState } from "./schema";

export interface SetAside {
  backupKey: string;
  reason: string;
  /** True when there was no room for a copy: the data is still under the progress key and saving is paused. */
  leftInPlace?: boolean;
}

export interface CheckedStorage<S> extends PersistStorage<S> {
  /** The unreadable data left in place for lack of room; null when there is none. */
  unreadable(name: string): string | null;
  /** Deletes the unreadable data left in place, so saving resumes (the learner has chosen this). */
  discardUnreadable(name: string): void;
  /** Whether the last attempt to save was refused (full or disabled storage). */
  lastWriteFailed(): boolean;
  /** True when the last read could not load its checks: saving is paused until a read succeeds. */
  checksMissing(): boolean;
}

export type ProgressStorage = CheckedStorage<StoredState>;

/** This browser's localStorage; undefined on the server, or where the browser refuses it (private modes, policies). */
export function browserStorage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/** The zod checks, loaded the first time they are needed (then served from the module cache). */
export const loadProgressChecks = () => import("./checks");

/** What a read of one stored string found, once its checks have loaded. */
export type CheckedRead<S> = { kind: "empty" } | { kind: "ok"; value: StorageValue<S> } | { kind: "bad"; reason: string };

/**
 * A persist storage whose reads are checked by code loaded on demand (`loadRead`), with the
 * guarantees above: nothing is written while a read is under way or while stored data could
 * not be checked, and data that fails its checks is copied aside (or left in place when there
 * is no room, and reported so). The progress store and the followed-tracks store both use it.
 */
export function createCheckedStorage<S>(
  getStorage: () => Storage | undefined,
  loadRead: () => Promise<(raw: string) => CheckedRead<S>>,
  onSetAside: (info: SetAside) => void,
  now: () => number = Date.now,
): CheckedStorage<S> {
  // Set when bad data could not be copied aside: writing would destroy it.
  let writesBlocked = false;
  // Set while stored data could not be checked because the checks did not load: likewise.
  let unchecked = false;
  let writeFailed = false;
  // Reads under way (a second can start before the first ends: another rehydration).
  let reading = 0;
  return {
    async getItem(name) {
      const storage = getStorage();
      if (!storage) return null;
      let raw: string | null;
      try {
        raw = storage.getItem(name);
      } catch {
        return null;
      }
      if (raw === null) return null;
      reading++;
      let read: Awaited<ReturnType<typeof loadRead>>;
      try {
        read = await loadRead();
      } catch (error) {
        unchecked = true;
        throw error;
      } finally {
        reading--;
      }
      unchecked = false;
      const result = read(raw);
      if (result.kind === "ok") return result.value;
      if (result.kind === "bad") {
        const backupKey = `${name}.backup.${now()}`;
        try {
          storage.setItem(backupKey, raw);
        } catch {
          // Storage is full: leave the original in place rather than lose it.
          writesBlocked = true;
          onSetAside({ backupKey: name, reason: result.reason, leftInPlace: true });
          return null;
        }
        storage.removeItem(name);
        onSetAside({ backupKey, reason: result.reason });
      }
      return null;
    },
    setItem(name, value) {
      if (writesBlocked || unchecked || reading > 0) return;
      try {
        getStorage()?.setItem(name, JSON.stringify(value));
        writeFailed = false;
      } catch {
        // Quota exceeded or storage disabled: the state lives on in memory for this visit.
        writeFailed = true;
      }
    },
    removeItem(name) {
      getStorage()?.removeItem(name);
    },
    unreadable(name) {
      if (!writesBlocked) return null;
      try {
        return getStorage()?.getItem(name) ?? null;
      } catch {
        return null;
      }
    },
    discardUnreadable(name) {
      if (!writesBlocked) return;
      getStorage()?.removeItem(name);
      writesBlocked = false;
    },
    lastWriteFailed: () => writeFailed,
    checksMissing: () => unchecked,
  };
}

/** The progress store's storage: stored progress read by lib/progress/checks.ts. */
export function createProgressStorage(
  getStorage: () => Storage | undefined,
  onSetAside: (info: SetAside) => void,
  now: () => number = Date.now,
  loadChecks: typeof loadProgressChecks = loadProgressChecks,
): ProgressStorage {
  return createCheckedStorage<StoredState>(getStorage, async () => (await loadChecks()).readStoredProgress, onSetAside, now);
}
