/**
 * The sync endpoint's logic, apart from HTTP and auth: phase 2 mounts it in
 * app/api/v1/sync/route.ts behind the session check (docs/sync.md). One transaction per
 * request, under the user's lock: read the stored entries the request touches, merge, write
 * what changed with new seqs, then answer with what the client lacks.
 */
import "server-only";
import { entriesToFacts, entryId, factsToEntries, jsonBytes, sameEntry } from "@/lib/sync/entries";
import type { Entry } from "@/lib/sync/kinds";
import {
  MAX_SYNC_ANSWER_BYTES,
  type Problem,
  parseSyncRequest,
  SYNC_PAGE_ENTRIES,
  SYNC_PROBLEMS,
  type SyncAnswer,
  type SyncRequest,
} from "@/lib/sync/protocol";
import { keysToRead, planServerMerge } from "./plan";
import type { StoredEntry, SyncRepository, SyncTransaction } from "./repository";

/** `written`: how many entries this sync stored (new or changed), for the log. */
export type SyncResult = { status: 200; answer: SyncAnswer; written: number } | { status: number; problem: Problem };

export interface SyncUser {
  id: string;
}

export interface SyncLimits {
  pageEntries: number;
  answerBytes: number;
}

const LIMITS: SyncLimits = { pageEntries: SYNC_PAGE_ENTRIES, answerBytes: MAX_SYNC_ANSWER_BYTES };

/** Handles a request body already read within MAX_SYNC_REQUEST_BYTES (see readBytesWithin in http/body.ts). */
export async function handleSync(body: string, repository: SyncRepository, user: SyncUser, limits = LIMITS): Promise<SyncResult> {
  const parsed = parseSyncRequest(body);
  if (!parsed.ok) return { status: parsed.problem.status, problem: parsed.problem };
  const { request } = parsed;
  if (request.account !== user.id) {
    const detail = "This browser's progress belongs to another account than the one signed in; nothing was changed.";
    return { status: 409, problem: { ...SYNC_PROBLEMS.accountMismatch, detail } };
  }
  return repository.withUserLock(user.id, (tx) => syncInTransaction(tx, request, limits), { read: keysToRead(request.facts) });
}

async function syncInTransaction(tx: SyncTransaction, request: SyncRequest, limits: SyncLimits): Promise<SyncResult> {
  if (request.cursor !== null && request.cursor > tx.lastSeq) {
    // Only a cursor from another server's history can be ahead (a restored backup, a
    // recreated database): the client must start again with a full sync.
    const detail = `Cursor ${request.cursor} is ahead of this account's last change (${tx.lastSeq}); sync again from the start.`;
    return { status: 409, problem: { ...SYNC_PROBLEMS.unknownCursor, detail } };
  }

  const plan = planServerMerge(tx.read, request.facts);
  let seq = tx.lastSeq;
  const rows: StoredEntry[] = plan.upserts.map((entry) => ({ ...entry, seq: ++seq }));
  if (plan.pruneThrough) await tx.prune(plan.pruneThrough);
  if (rows.length > 0) await tx.write(rows, seq);

  const carried = new Map(factsToEntries(request.facts).map((e) => [entryId(e), e]));
  // A client that was up to date before this sync lacks at most what it just wrote: every
  // entry above its cursor is one of `rows` (seq order), so there is nothing else to read.
  const upToDate = (request.cursor ?? 0) === tx.lastSeq;
  const since = upToDate ? rows.slice(0, limits.pageEntries) : await tx.readSince(request.cursor ?? 0, limits.pageEntries);
  const lacking: Entry[] = [];
  let bytes = 0;
  let cursor = seq;
  let more = since.length === limits.pageEntries;
  for (const row of since) {
    const { seq: rowSeq, ...entry } = row;
    const mine = carried.get(entryId(entry));
    if (mine === undefined || !sameEntry(mine, entry)) {
      const weight = jsonBytes(entry);
      if (lacking.length > 0 && bytes + weight > limits.answerBytes) {
        more = true;
        break;
      }
      lacking.push(entry);
      bytes += weight;
    }
    cursor = rowSeq;
  }
  // A full page read to its end may be all there is; the cursor then stops at its last row.
  if (!more) cursor = seq;
  return { status: 200, answer: { cursor, more, facts: entriesToFacts(lacking) }, written: rows.length };
}

