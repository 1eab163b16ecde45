/**
 * The persist storage behind the progress store. Whatever it reads back is validated
 * against the schema of the version it claims; anything unreadable, invalid or from a newer
 * version is set aside under a backup key (never deleted), the app is told, and it starts
 * from empty progress instead of crashing.
 */
import type { PersistStorage, StorageValue } from "zustand/middleware";
import { validateAtVersion } from "./migrations";
import { envelopeSchema, type StoredState } from "./schema";

export const PROGRESS_KEY = "quorum-progress";

export interface SetAside {
  backupKey: string;
  reason: string;
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
): PersistStorage<StoredState> {
  // Set when bad data could not be copied aside: writing would destroy it.
  let writesBlocked = false;
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
          onSetAside({
            backupKey: name,
            reason: `${result.reason}; storage is full, so it was left in place and nothing new will be saved`,
          });
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
      } catch {
        // Quota exceeded or storage disabled: progress lives on in memory for this visit.
      }
    },
    removeItem(name) {
      getStorage()?.removeItem(name);
    },
  };
}
