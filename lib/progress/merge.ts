/**
 * Merging two copies of a learner's facts (two tabs, two devices, an imported file).
 * mergeFacts is commutative, associative and idempotent, so copies can be merged in any
 * order, any number of times, and converge; tests/unit/progress/merge.test.ts shows it.
 */
import { compareTimestamps, laterOf, type Timestamp } from "./clock";
import type { ProgressFacts, QuizAttempt, Register } from "./types";

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
 * Attempts are append-only and ids are random, so one id is one attempt. Should two copies
 * ever disagree, the later one wins (like a register), then a canonical pick: the choice
 * must not depend on merge order, nor on whether a reset pruned one side first.
 */
function mergeAttempt(a: QuizAttempt, b: QuizAttempt): QuizAttempt {
  const order = compareTimestamps(a.at, b.at);
  if (order !== 0) return order > 0 ? a : b;
  // Canonical JSON, not JSON.stringify: a copy parsed from the server has its keys in another order.
  return canonicalJson(a) >= canonicalJson(b) ? a : b;
}

function isAfter(at: Timestamp, resetAt: Timestamp | null): boolean {
  return resetAt === null || compareTimestamps(at, resetAt) > 0;
}

/** Drops every fact written at or before the reset; the reset itself is a fact that merges by max. */
export function pruneBefore(facts: ProgressFacts, resetAt: Timestamp | null): ProgressFacts {
  if (resetAt === null) return facts;
  const checklist: ProgressFacts["checklist"] = {};
  for (const [lessonId, items] of Object.entries(facts.checklist)) {
    const kept = Object.entries(items).filter(([, r]) => isAfter(r.at, resetAt));
    if (kept.length > 0) checklist[lessonId] = Object.fromEntries(kept);
  }
  const skipped = Object.fromEntries(Object.entries(facts.skipped).filter(([, r]) => isAfter(r.at, resetAt)));
  const attempts = Object.fromEntries(Object.entries(facts.attempts).filter(([, a]) => isAfter(a.at, resetAt)));
  return { checklist, skipped, attempts, resetAt };
}

export function mergeFacts(a: ProgressFacts, b: ProgressFacts): ProgressFacts {
  const resetAt = a.resetAt && b.resetAt ? laterOf(a.resetAt, b.resetAt) : (a.resetAt ?? b.resetAt);
  const union: ProgressFacts = {
    checklist: mergeRecords(a.checklist, b.checklist, (x, y) => mergeRecords(x, y, mergeRegister)),
    skipped: mergeRecords(a.skipped, b.skipped, mergeRegister),
    attempts: mergeRecords(a.attempts, b.attempts, mergeAttempt),
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

/** Every timestamp in a set of facts, so a clock can be moved past all of them. */
export function latestTimestamp(facts: ProgressFacts): Timestamp | null {
  let latest: Timestamp | null = facts.resetAt;
  const see = (t: Timestamp) => {
    latest = latest ? laterOf(latest, t) : t;
  };
  for (const items of Object.values(facts.checklist)) for (const r of Object.values(items)) see(r.at);
  for (const r of Object.values(facts.skipped)) see(r.at);
  for (const a of Object.values(facts.attempts)) see(a.at);
  return latest;
}

/**
 * Gives every fact written at or before `cutoff` a new timestamp from `next`. Importing a
 * file is a deliberate "bring this progress here": facts older than a local reset would be
 * dropped by merge, so the import re-issues them as new writes instead.
 */
export function restampBefore(facts: ProgressFacts, cutoff: Timestamp, next: () => Timestamp): ProgressFacts {
  const fresh = <T extends { at: Timestamp }>(x: T): T => (compareTimestamps(x.at, cutoff) <= 0 ? { ...x, at: next() } : x);
  const checklist: ProgressFacts["checklist"] = {};
  for (const [lessonId, items] of Object.entries(facts.checklist)) {
    checklist[lessonId] = Object.fromEntries(Object.entries(items).map(([id, r]) => [id, fresh(r)]));
  }
  return {
    checklist,
    skipped: Object.fromEntries(Object.entries(facts.skipped).map(([id, r]) => [id, fresh(r)])),
    attempts: Object.fromEntries(Object.entries(facts.attempts).map(([id, a]) => [id, fresh(a)])),
    resetAt: facts.resetAt && compareTimestamps(facts.resetAt, cutoff) <= 0 ? null : facts.resetAt,
  };
}
