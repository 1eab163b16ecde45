/**
 * ProgressFacts as keyed entries and back, table-driven by FACT_KINDS. Entries are what the
 * server stores (one row per entry) and what sync diffs: which facts are newer than a point
 * in time, which of two copies differ, how to split a push into pieces.
 */
import { compareTimestamps, type Timestamp } from "@/lib/progress/clock";
import { canonicalJson } from "@/lib/progress/merge";
import { factsSchema } from "@/lib/progress/schema";
import type { ProgressFacts } from "@/lib/progress/types";
import { type Entry, FACT_KINDS, type FactKind, KIND_NAMES, type KeyedFact, RESET_KIND } from "./kinds";

export function factsToEntries(facts: ProgressFacts): Entry[] {
  return KIND_NAMES.flatMap((kind) => entriesOfKind(facts, kind));
}

function entriesOfKind<K extends FactKind>(facts: ProgressFacts, kind: K): Entry[] {
  // Each codec is typed for its own field; TypeScript cannot correlate the two through K.
  const codec = FACT_KINDS[kind] as { toEntries(value: ProgressFacts[K]): KeyedFact[] };
  return codec.toEntries(facts[kind]).map((e) => ({ kind, ...e }));
}

/**
 * Rebuilds facts from entries that factsToEntries made (or that were stored from validated
 * facts). Each (kind, key) should appear once; if it appears twice the last one stands.
 * Entries from outside the process (a database row) go through parseEntries instead.
 */
export function entriesToFacts(entries: Iterable<Entry>): ProgressFacts {
  const byKind = new Map<FactKind, KeyedFact[]>(KIND_NAMES.map((k) => [k, []]));
  for (const { kind, ...rest } of entries) byKind.get(kind)?.push(rest);
  const facts: Partial<Record<FactKind, unknown>> = {};
  for (const kind of KIND_NAMES) facts[kind] = FACT_KINDS[kind].fromEntries(byKind.get(kind) ?? []);
  // Every kind was filled from its own codec just above.
  return facts as ProgressFacts;
}

export type ParsedEntries = { ok: true; facts: ProgressFacts } | { ok: false; reason: string };

/** Entries read back from storage, validated with the same schema as stored and imported progress. */
export function parseEntries(entries: Iterable<Entry>): ParsedEntries {
  const parsed = factsSchema.safeParse(entriesToFacts(entries));
  if (parsed.success) return { ok: true, facts: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, reason: `${issue?.path.join(".") || "facts"}: ${issue?.message}` };
}

/** The identity of an entry: one per (kind, key), which is the server's row key per user. */
export function entryId(entry: Pick<Entry, "kind" | "key">): string {
  return `${entry.kind}:${entry.key}`;
}

/** Two entries hold the same fact: same identity, same timestamp, same body. */
export function sameEntry(a: Entry, b: Entry): boolean {
  return (
    a.kind === b.kind &&
    a.key === b.key &&
    a.lessonId === b.lessonId &&
    compareTimestamps(a.at, b.at) === 0 &&
    canonicalJson(a.body) === canonicalJson(b.body)
  );
}

export function isAfter(at: Timestamp, point: Timestamp | null): boolean {
  return point === null || compareTimestamps(at, point) > 0;
}

/** The facts stamped after a point in time (all of them when the point is null). */
export function factsAfter(facts: ProgressFacts, point: Timestamp | null): ProgressFacts {
  if (point === null) return facts;
  return entriesToFacts(factsToEntries(facts).filter((e) => isAfter(e.at, point)));
}

export function countEntriesAfter(facts: ProgressFacts, point: Timestamp | null): number {
  return factsToEntries(facts).filter((e) => isAfter(e.at, point)).length;
}

/**
 * Whether a reset at `resetAt` removes this entry: every fact at or before the reset goes,
 * except the reset itself. The server's prune (`pruneThrough`) deletes exactly these rows.
 */
export function isPrunedBy(entry: Pick<Entry, "kind" | "at">, resetAt: Timestamp): boolean {
  return entry.kind !== RESET_KIND && compareTimestamps(entry.at, resetAt) <= 0;
}

/**
 * Entries of `next` that are new or changed since `prev` and stamped at or before `point`:
 * facts that arrived from elsewhere carrying old timestamps (a local write is always stamped
 * after the clock, so it never shows up here).
 */
export function arrivedAtOrBefore(prev: ProgressFacts, next: ProgressFacts, point: Timestamp): Entry[] {
  const before = new Map(factsToEntries(prev).map((e) => [entryId(e), e]));
  return factsToEntries(next).filter((e) => {
    if (isAfter(e.at, point)) return false;
    const old = before.get(entryId(e));
    return old === undefined || !sameEntry(old, e);
  });
}

/** Bytes of a value as UTF-8 JSON: what it weighs in a request body. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * Splits facts into pieces whose JSON stays under `maxBytes` each (the envelope around them
 * is the caller's margin). An entry that alone is heavier than the limit is returned apart,
 * since no split can send it.
 */
export function splitFacts(facts: ProgressFacts, maxBytes: number): { pieces: ProgressFacts[]; tooLarge: Entry[] } {
  const pieces: Entry[][] = [];
  const tooLarge: Entry[] = [];
  const emptyBytes = jsonBytes(entriesToFacts([]));
  let current: Entry[] = [];
  let size = emptyBytes;
  for (const entry of factsToEntries(facts)) {
    // An upper bound of what the entry adds to the JSON of a piece: its weight alone plus a
    // comma (sharing a lesson's object with a sibling only makes it lighter).
    const weight = jsonBytes(entriesToFacts([entry])) - emptyBytes + 1;
    if (emptyBytes + weight > maxBytes) {
      tooLarge.push(entry);
      continue;
    }
    if (size + weight > maxBytes && current.length > 0) {
      pieces.push(current);
      current = [];
      size = emptyBytes;
    }
    current.push(entry);
    size += weight;
  }
  if (current.length > 0) pieces.push(current);
  return { pieces: pieces.map((p) => entriesToFacts(p)), tooLarge };
}
