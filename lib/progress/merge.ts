/**
 * Merging two copies of a learner's facts (two tabs, two devices, an imported file).
 * mergeFacts is commutative, associative and idempotent, so copies can be merged in any
 * order, any number of times, and converge; tests/unit/progress/merge.test.ts shows it.
 *
 * Every fact has one of two shapes, and each shape has one merge:
 * - a last-writer-wins register `{ value, at }` under a permanent key (checklist items,
 *   skipped, testedOut, reviewLessons);
 * - an append-only record under a random id that carries its own `at` (quiz attempts,
 *   assessment answers, review events).
 */
import { compareTimestamps, laterOf, type Timestamp } from "./clock";
import type { ProgressFacts, Register } from "./types";

/** The later write wins; identical timestamps (the same event) fall back to the value so the choice never depends on argument order. */
export function mergeRegister<T extends boolean>(a: Register<T>, b: Register<T>): Register<T> {
  const order = compareTimestamps(a.at, b.at);
  if (order !== 0) return order > 0 ? a : b;
  return a.value >= b.value ? a : b;
}

function mergeRecords<V>(a: Record<string, V>, b: Record<string, V>, pick: (x: V, y: V) => V): Record<string, V> {
  const out: Record<string, V> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = mine === undefined ? value : pick(mine, value);
  }
  return out;
}

/**
 * Append-only records have random ids, so one id is one event. Should two copies ever
 * disagree, the later one wins (like a register), then a canonical pick: the choice must not
 * depend on merge order, nor on whether a reset pruned one side first.
 */
function mergeAppendOnly<T extends { at: Timestamp }>(a: T, b: T): T {
  const order = compareTimestamps(a.at, b.at);
  if (order !== 0) return order > 0 ? a : b;
  // Canonical JSON, not JSON.stringify: a copy parsed from the server has its keys in another order.
  return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

function isAfter(at: Timestamp, resetAt: Timestamp | null): boolean {
  return resetAt === null || compareTimestamps(at, resetAt) > 0;
}

function keepAfter<V extends { at: Timestamp }>(record: Record<string, V>, resetAt: Timestamp): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => isAfter(v.at, resetAt)));
}

/** Drops every fact written at or before the reset; the reset itself is a fact that merges by max. */
export function pruneBefore(facts: ProgressFacts, resetAt: Timestamp | null): ProgressFacts {
  if (resetAt === null) return facts;
  const checklist: ProgressFacts["checklist"] = {};
  for (const [lessonId, items] of Object.entries(facts.checklist)) {
    const kept = keepAfter(items, resetAt);
    if (Object.keys(kept).length > 0) checklist[lessonId] = kept;
  }
  return {
    checklist,
    skipped: keepAfter(facts.skipped, resetAt),
    attempts: keepAfter(facts.attempts, resetAt),
    testedOut: keepAfter(facts.testedOut, resetAt),
    reviewLessons: keepAfter(facts.reviewLessons, resetAt),
    answers: keepAfter(facts.answers, resetAt),
    reviews: keepAfter(facts.reviews, resetAt),
    resetAt,
  };
}

export function mergeFacts(a: ProgressFacts, b: ProgressFacts): ProgressFacts {
  const resetAt = a.resetAt && b.resetAt ? laterOf(a.resetAt, b.resetAt) : (a.resetAt ?? b.resetAt);
  const union: ProgressFacts = {
    checklist: mergeRecords(a.checklist, b.checklist, (x, y) => mergeRecords(x, y, mergeRegister)),
    skipped: mergeRecords(a.skipped, b.skipped, mergeRegister),
    attempts: mergeRecords(a.attempts, b.attempts, mergeAppendOnly),
    testedOut: mergeRecords(a.testedOut, b.testedOut, mergeRegister),
    reviewLessons: mergeRecords(a.reviewLessons, b.reviewLessons, mergeRegister),
    answers: mergeRecords(a.answers, b.answers, mergeAppendOnly),
    reviews: mergeRecords(a.reviews, b.reviews, mergeAppendOnly),
    resetAt,
  };
  return pruneBefore(union, resetAt);
}

/** JSON with object keys sorted, so equal values serialize equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/** A canonical form (keys sorted) so two equal fact sets compare equal whatever their key order. */
export function canonicalFacts(facts: ProgressFacts): string {
  return canonicalJson(facts);
}

export function sameFacts(a: ProgressFacts, b: ProgressFacts): boolean {
  return canonicalFacts(a) === canonicalFacts(b);
}

/** Every stamped fact, whatever its shape: what latestTimestamp and restampBefore walk. */
function stampedRecords(facts: ProgressFacts): Record<string, { at: Timestamp }>[] {
  return [
    ...Object.values(facts.checklist),
    facts.skipped,
    facts.attempts,
    facts.testedOut,
    facts.reviewLessons,
    facts.answers,
    facts.reviews,
  ];
}

/** Every timestamp in a set of facts, so a clock can be moved past all of them. */
export function latestTimestamp(facts: ProgressFacts): Timestamp | null {
  let latest: Timestamp | null = facts.resetAt;
  for (const record of stampedRecords(facts)) {
    for (const { at } of Object.values(record)) latest = latest ? laterOf(latest, at) : at;
  }
  return latest;
}

/**
 * Gives every fact written at or before `cutoff` a new timestamp from `next`. Importing a
 * file is a deliberate "bring this progress here": facts older than a local reset would be
 * dropped by merge, so the import re-issues them as new writes instead. New timestamps are
 * issued in the order of the old ones, so the restamped facts keep their relative order
 * (review events are replayed in that order).
 */
export function restampBefore(facts: ProgressFacts, cutoff: Timestamp, next: () => Timestamp): ProgressFacts {
  const key = (t: Timestamp) => `${t.wall}:${t.counter}:${t.device}`;
  const old = new Map<string, Timestamp>();
  for (const record of stampedRecords(facts)) {
    for (const { at } of Object.values(record)) if (compareTimestamps(at, cutoff) <= 0) old.set(key(at), at);
  }
  const renamed = new Map([...old.values()].sort(compareTimestamps).map((t) => [key(t), next()]));
  const each = <T extends { at: Timestamp }>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).map(([id, x]) => [id, { ...x, at: renamed.get(key(x.at)) ?? x.at }]));
  const checklist: ProgressFacts["checklist"] = {};
  for (const [lessonId, items] of Object.entries(facts.checklist)) checklist[lessonId] = each(items);
  return {
    checklist,
    skipped: each(facts.skipped),
    attempts: each(facts.attempts),
    testedOut: each(facts.testedOut),
    reviewLessons: each(facts.reviewLessons),
    answers: each(facts.answers),
    reviews: each(facts.reviews),
    resetAt: facts.resetAt && compareTimestamps(facts.resetAt, cutoff) <= 0 ? null : facts.resetAt,
  };
}
