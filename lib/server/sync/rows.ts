/**
 * sync_entry rows ⇄ entries. Shared by the repository (sync) and loadFactsOf (the readers of
 * other features), so that one place says how a row becomes an entry.
 */
import "server-only";
import { type Entry, isFactKind } from "@/lib/sync/kinds";
import type { syncEntries } from "../db/schema";
import type { StoredEntry } from "./repository";

export type SyncEntryRow = typeof syncEntries.$inferSelect;

/** A row as an entry; null for a kind this code does not know (written by a newer version). */
export function rowToEntry(row: Pick<SyncEntryRow, "kind" | "key" | "lessonId" | "atWall" | "atCounter" | "atDevice" | "body">): Entry | null {
  if (!isFactKind(row.kind)) return null;
  return {
    kind: row.kind,
    key: row.key,
    lessonId: row.lessonId,
    at: { wall: Number(row.atWall), counter: Number(row.atCounter), device: row.atDevice },
    body: row.body ?? null,
  };
}

export function rowToStoredEntry(row: SyncEntryRow): StoredEntry | null {
  const entry = rowToEntry(row);
  return entry && { ...entry, seq: Number(row.seq) };
}

export function storedEntryToRow(userId: string, entry: StoredEntry): SyncEntryRow {
  return {
    userId,
    kind: entry.kind,
    key: entry.key,
    lessonId: entry.lessonId,
    atWall: entry.at.wall,
    atCounter: entry.at.counter,
    atDevice: entry.at.device,
    body: entry.body ?? null,
    seq: entry.seq,
  };
}
