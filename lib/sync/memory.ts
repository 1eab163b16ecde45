/**
 * What sync keeps in this browser, under its own key beside (never inside) the progress
 * store's: whose progress the store holds, the cursor, and when it last synced. Read back
 * through a schema; anything unreadable counts as absent, which only costs a full sync.
 */
import * as z from "zod/mini";
import { mergeFacts } from "@/lib/progress/merge";
import { factsSchema, timestampSchema } from "@/lib/progress/schema";
import type { ProgressFacts } from "@/lib/progress/types";
import type { SyncMemory } from "./engine";
import { accountIdSchema } from "./protocol";

export const SYNC_KEY = "quorum-sync";
/** Facts an account left here unsent when it signed out, keyed by account: only that account gets them back. */
export const UNSENT_PREFIX = "quorum-sync.unsent.";

const count = z.int().check(z.nonnegative());

const syncRecordSchema = z.strictObject({
  version: z.literal(1),
  /** The account this browser's progress belongs to since it first synced. */
  account: accountIdSchema,
  /** The progress store's device id when the record was written: another id means the store was started afresh. */
  deviceId: timestampSchema.shape.device,
  cursor: z.nullable(count),
  ackedThrough: z.nullable(timestampSchema),
  lastSyncedAt: z.nullable(count),
});

export type SyncRecord = z.infer<typeof syncRecordSchema>;

/** The small part of Storage used here, so tests can pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function safely<T>(fallback: T, action: () => T): T {
  try {
    return action();
  } catch {
    // Storage disabled or full: sync still works for this visit, from memory.
    return fallback;
  }
}

export function parseSyncRecord(raw: string | null): SyncRecord | null {
  if (raw === null) return null;
  try {
    const parsed = syncRecordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function readSyncRecord(storage: KeyValueStorage): SyncRecord | null {
  return safely(null, () => parseSyncRecord(storage.getItem(SYNC_KEY)));
}

export function writeSyncRecord(storage: KeyValueStorage, account: string, deviceId: string, memory: SyncMemory): void {
  const record: SyncRecord = { version: 1, account, deviceId, ...memory };
  safely(undefined, () => storage.setItem(SYNC_KEY, JSON.stringify(record)));
}

export function removeSyncRecord(storage: KeyValueStorage): void {
  safely(undefined, () => storage.removeItem(SYNC_KEY));
}

/** The engine's memory for this account and store, or a fresh one (a full sync) when the record is not theirs. */
export function memoryFor(record: SyncRecord | null, account: string, deviceId: string): SyncMemory {
  if (record && record.account === account && record.deviceId === deviceId) {
    return { cursor: record.cursor, ackedThrough: record.ackedThrough, lastSyncedAt: record.lastSyncedAt };
  }
  return { cursor: null, ackedThrough: null, lastSyncedAt: null };
}

/** Keeps an account's facts aside in this browser, merged with any it left before. */
export function keepUnsent(storage: KeyValueStorage, account: string, facts: ProgressFacts): boolean {
  return safely(false, () => {
    const previous = takeUnsent(storage, account, false);
    storage.setItem(UNSENT_PREFIX + account, JSON.stringify(previous ? mergeFacts(previous, facts) : facts));
    return true;
  });
}

/** Drops whatever an account left unsent here (the account was deleted: nobody can take it back). */
export function discardUnsent(storage: KeyValueStorage, account: string): void {
  safely(undefined, () => storage.removeItem(UNSENT_PREFIX + account));
}

/** The facts an account left unsent here (validated), removing them from storage unless `remove` is false. */
export function takeUnsent(storage: KeyValueStorage, account: string, remove = true): ProgressFacts | null {
  const raw = safely(null, () => storage.getItem(UNSENT_PREFIX + account));
  if (raw === null) return null;
  let parsed;
  try {
    parsed = factsSchema.safeParse(JSON.parse(raw));
  } catch {
    return null;
  }
  // Unreadable facts are left in place for a person to look at, never merged.
  if (!parsed.success) return null;
  if (remove) safely(undefined, () => storage.removeItem(UNSENT_PREFIX + account));
  return parsed.data;
}
