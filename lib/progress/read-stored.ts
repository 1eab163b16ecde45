/**
 * Reading stored progress back. Whatever storage returns is checked against the schema of
 * the version it claims before anything trusts it; zod does the checking, so this module is
 * loaded on demand (lib/progress/checks.ts).
 */
import type { StorageValue } from "zustand/middleware";
import { PROGRESS_VERSION } from "./format";
import { migrateStoredState, validateAtVersion } from "./migrations";
import { readStored } from "./read-envelope";
import type { StoredState } from "./schema";

export type ReadResult = { kind: "empty" } | { kind: "ok"; value: StorageValue<StoredState> } | { kind: "bad"; reason: string };

/** Reads and checks a raw stored string. Pure: no storage access. */
export function readStoredProgress(raw: string | null): ReadResult {
  const read = readStored(raw, (state, version) => validateAtVersion(state, version));
  return read.kind === "ok" ? { kind: "ok", value: { state: read.state as StoredState, version: read.version } } : read;
}

/** What another tab saved, checked and brought up to this version; undefined when it is not readable progress. */
export function readOtherTabSave(raw: string): StoredState | undefined {
  const read = readStoredProgress(raw);
  if (read.kind !== "ok") return undefined;
  const migrated = migrateStoredState(read.value.state, read.value.version ?? PROGRESS_VERSION);
  return migrated.ok ? migrated.state : undefined;
}
