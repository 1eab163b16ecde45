/**
 * The persist storage behind the progress store. Whatever it reads back is validated
 * against the schema of the version it claims; anything unreadable, invalid or from a newer
 * version is set aside under a backup key (never deleted), the app is told, and it starts
 * from empty progress instead of crashing.
 *
 * When storage is too full to hold the copy, the unreadable data stays where it is and
 * saving stops, so that nothing overwrites it. The way out is the learner's: download it
 * (`unreadable`), then delete it (`discardUnreadable`), which lets saving resume.
 */
import type { PersistStorage, StorageValue } from "zustand/middleware";
import { validateAtVersion } from "./migrations";
import { envelopeSchema, type StoredState } from "./schema";

export const PROGRESS_KEY = "quorum-progress";

export interface SetAside {
  backupKey: string;
  reason: string;
  /** True when there was no room for a copy: the data is still under the progress key and saving is paused. */
  leftInPlace?: boolean;
}

export interface ProgressStorage extends PersistStorage<StoredState> {
  /** The unreadable data left in place for lack of room; null when there is none. */
  unreadable(name: string): string | null;
  /** Deletes the unreadable data left in place, so saving resumes (the learner has chosen this). */
  discardUnreadable(name: string): void;
  /** Whether the last attempt to save was refused (full or disabled storage). */
  lastWriteFailed(): boolean;
}

type ReadResult = { kind: "empty" } | { kind: "ok"; value: StorageValue<StoredState> } | { kind: "bad"; reason: string };

/** Reads and checks a raw stored string. Pure: no storage access. */
export function readStoredProgress(raw: string | null): ReadResult {
  if (raw === null) return { kind: "empty" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: "bad", reason: "it is not valid JSON" };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { kind: "bad", reason: "it has no version number" };
  const valid = validateAtVersion(envelope.data.state, envelope.data.version);
  if (!valid.ok) return { kind: "bad", reason: valid.reason };
  return { kind: "ok", value: { state: valid.value as StoredState, version: envelope.data.version } };
}

export function createProgressStorage(
  getStorage: () => Storage | undefined,
  onSetAside: (info: SetAside) => void,
  now: () => number = Date.now,
): ProgressStorage {
  // Set when bad data could not be copied aside: writing would destroy it.
  let writesBlocked = false;
  let writeFailed = false;
  return {
    getItem(name) {
      const storage = getStorage();
      if (!storage) return null;
      let raw: string | null;
      try {
        raw = storage.getItem(name);
      } catch {
        return null;
      }
      const result = readStoredProgress(raw);
      if (result.kind === "ok") return result.value;
      if (result.kind === "bad" && raw !== null) {
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
      if (writesBlocked) return;
      try {
        getStorage()?.setItem(name, JSON.stringify(value));
        writeFailed = false;
      } catch {
        // Quota exceeded or storage disabled: progress lives on in memory for this visit.
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
  };
}
