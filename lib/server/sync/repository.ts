/**
 * What sync needs of storage, as an interface: the in-memory implementation in
 * tests/fixtures/sync/memory-repository.ts serves the tests, and the Drizzle one (phase 2,
 * see docs/sync.md) serves the app. Each user has a sync-state row holding the last seq
 * given to one of their entries; locking that row orders the user's transactions, so seqs
 * are assigned in commit order and a cursor can never skip an entry committed late.
 */
import "server-only";
import type { Timestamp } from "@/lib/progress/clock";
import type { Entry } from "@/lib/sync/kinds";

/** One stored fact: unique per (user, kind, key), stamped with the seq of its last change. */
export interface StoredEntry extends Entry {
  seq: number;
}

export interface SyncTransaction {
  /** The highest seq given to any of this user's entries so far (0 before their first sync). */
  readonly lastSeq: number;
  /** The stored entries among withUserLock's `read` identities, read under the lock (none without them). */
  readonly read: readonly StoredEntry[];
  /** The stored entries among these identities; the absent ones are simply not returned. */
  readEntries(ids: readonly EntryId[]): Promise<StoredEntry[]>;
  /** Entries with a seq above `seq`, lowest first, at most `limit` of them. */
  readSince(seq: number, limit: number): Promise<StoredEntry[]>;
  /** Deletes every entry a reset at `resetAt` removes: all at or before it, except the reset entry (see isPrunedBy). */
  prune(resetAt: Timestamp): Promise<void>;
  /**
   * Inserts or replaces these entries (by kind and key) and records `lastSeq` as the user's
   * highest seq. Every change to a user's entries goes with a higher lastSeq (a prune comes
   * with the reset entry that causes it): the database repository relies on it.
   */
  write(entries: readonly StoredEntry[], lastSeq: number): Promise<void>;
}

/** The identity of an entry: what the lock may read along the way. */
export type EntryId = Pick<Entry, "kind" | "key">;

export interface SyncRepository {
  /**
   * Runs `work` in one transaction that holds the user's sync lock (creating their sync-state
   * row on first use). Commits when `work` resolves; rolls everything back when it throws.
   * `read`: identities whose stored entries `work` needs first (tx.read), so that the database
   * can read them with the same statement that takes the lock.
   */
  withUserLock<T>(userId: string, work: (tx: SyncTransaction) => Promise<T>, options?: { read?: readonly EntryId[] }): Promise<T>;
}
