/**
 * Whose progress this browser holds. Anonymous progress joins the first account that signs
 * in here (never dropped); after that the store belongs to that account, and another account
 * signing in on the same browser never receives it: it is kept aside under the owner's key,
 * and the owner gets it back (merged) when they next sign in here.
 */
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import type { SyncMemory } from "./engine";
import { type KeyValueStorage, keepUnsent, memoryFor, readSyncRecord, removeSyncRecord, takeUnsent, writeSyncRecord } from "./memory";

export interface OwnedStore {
  getFacts(): ProgressFacts;
  getDeviceId(): string;
  mergeFrom(facts: ProgressFacts): void;
  /** Replaces the facts outright (not a merge): how a store is emptied for another account. */
  replaceFacts(facts: ProgressFacts): void;
}

/** Makes the store `account`'s before it syncs; returns the engine's memory to start from. */
export function claimProgress(storage: KeyValueStorage, store: OwnedStore, account: string): SyncMemory {
  const record = readSyncRecord(storage);
  if (record && record.account !== account) {
    keepUnsent(storage, record.account, store.getFacts());
    store.replaceFacts(emptyFacts());
  }
  const unsent = takeUnsent(storage, account);
  if (unsent) store.mergeFrom(unsent);
  const memory = memoryFor(record, account, store.getDeviceId());
  // Claimed at once, so the owner is known even if the first sync never completes.
  writeSyncRecord(storage, account, store.getDeviceId(), memory);
  return memory;
}

/**
 * After signing out: the account's progress leaves this browser (it is on the server). Facts
 * that could not be sent are kept aside for the account instead of being dropped.
 */
export function releaseProgress(storage: KeyValueStorage, store: OwnedStore, account: string, allSent: boolean): void {
  if (!allSent) keepUnsent(storage, account, store.getFacts());
  store.replaceFacts(emptyFacts());
  removeSyncRecord(storage);
}
