/**
 * The part of reading a stored zustand persist value back that every checked store shares:
 * the JSON, then the `{ state, version }` envelope persist writes, then the store's own check
 * of the state at that version, each failure said in words for the set-aside notice. zod/mini,
 * so it goes with the checks that are loaded on demand (progress's read-stored.ts, the
 * followed tracks' read-following.ts), never in a page's first load.
 */
import * as z from "zod/mini";

/** A store's check of a state at its version: the state as trusted, or why not. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export type StoredRead<T> = { kind: "empty" } | { kind: "ok"; state: T; version: number } | { kind: "bad"; reason: string };

const envelopeSchema = z.object({ state: z.unknown(), version: z.int().check(z.nonnegative()) });

/** Reads and checks a raw stored string (null: nothing stored). Pure: no storage access. */
export function readStored<T>(raw: string | null, check: (state: unknown, version: number) => Checked<T>): StoredRead<T> {
  if (raw === null) return { kind: "empty" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { kind: "bad", reason: "it is not valid JSON" };
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { kind: "bad", reason: "it has no version number" };
  const checked = check(envelope.data.state, envelope.data.version);
  return checked.ok ? { kind: "ok", state: checked.value, version: envelope.data.version } : { kind: "bad", reason: checked.reason };
}

/** Where a zod check first failed, and how: "following.x.startedAt: Invalid input". */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join(".") || "root"}: ${issue?.message}`;
}
