/**
 * Stored progress carries the version of its shape. Each migration takes a state valid at
 * one version to the next; the state is validated against its own version's schema first,
 * so a migration never sees garbage. To change the shape: add storedStateV3 in schema.ts, a
 * migration 2 → 3 here, and bump PROGRESS_VERSION (format.ts); tests/unit/progress/migrations.test.ts
 * shows the chain at work, with fixtures of real stored states of every version.
 *
 * 1 → 2 (the self-assessment and spaced review): the facts gain four empty maps (testedOut,
 * reviewLessons, answers, reviews); nothing else changes.
 */
import type * as z from "zod/mini";
import { PROGRESS_VERSION } from "./format";
import { firstIssue } from "./read-envelope";
import { type FactsV1, type StoredState, storedStateV1, storedStateV2 } from "./schema";
import type { ProgressFacts } from "./types";

/** Version 1 facts as version 2: the same facts, and no assessment or review yet. */
export function upgradeFactsV1(facts: FactsV1): ProgressFacts {
  const { checklist, skipped, attempts, resetAt } = facts;
  return { checklist, skipped, attempts, testedOut: {}, reviewLessons: {}, answers: {}, reviews: {}, resetAt };
}

export interface Migration {
  /** Migrates a state valid at version `from` to version `from + 1`. */
  from: number;
  up: (state: unknown) => unknown;
}

/** The schema each stored version must satisfy, by version. */
export const SCHEMAS: Record<number, z.ZodMiniType> = { 1: storedStateV1, 2: storedStateV2 };

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    // The chain has validated the state against storedStateV1; parsing again gives it its type.
    up: (state) => {
      const v1 = storedStateV1.parse(state);
      return { ...v1, facts: upgradeFactsV1(v1.facts) };
    },
  },
];

/** Checks a stored state against the schema of the version it says it is, without migrating it. */
export function validateAtVersion(
  state: unknown,
  version: number,
  schemas: Record<number, z.ZodMiniType> = SCHEMAS,
  current = PROGRESS_VERSION,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (version > current) {
    return { ok: false, reason: `it was saved by a newer version of Quorum (format ${version}; this one reads up to ${current})` };
  }
  const schema = schemas[version];
  if (!schema) return { ok: false, reason: `format ${version} is not one this version of Quorum knows` };
  const parsed = schema.safeParse(state);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, reason: `it is not valid progress (${firstIssue(parsed.error)})` };
}

export type MigrationResult = { ok: true; state: StoredState } | { ok: false; reason: string };

export function migrateStoredState(
  state: unknown,
  fromVersion: number,
  options: { current?: number; schemas?: Record<number, z.ZodMiniType>; migrations?: readonly Migration[] } = {},
): MigrationResult {
  const current = options.current ?? PROGRESS_VERSION;
  const schemas = options.schemas ?? SCHEMAS;
  const migrations = options.migrations ?? MIGRATIONS;
  let value = state;
  for (let version = fromVersion; ; version++) {
    const valid = validateAtVersion(value, version, schemas, current);
    if (!valid.ok) return valid;
    // SCHEMAS[PROGRESS_VERSION] is the schema StoredState is inferred from.
    if (version === current) return { ok: true, state: valid.value as StoredState };
    value = valid.value;
    const step = migrations.find((m) => m.from === version);
    if (!step) return { ok: false, reason: `no migration from format ${version}` };
    value = step.up(value);
  }
}
