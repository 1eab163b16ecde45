/**
 * Reading an imported progress file. Everything in it is validated before it touches the
 * store; zod does the validating, so this module is loaded on demand (lib/progress/checks.ts).
 */
import { upgradeFactsV1 } from "./migrations";
import { exportFileSchema, exportFileSchemaV1 } from "./schema";
import { EXPORT_VERSION } from "./transfer";
import type { ProgressFacts } from "./types";

export const MAX_IMPORT_BYTES = 2_000_000;

export type ImportResult = { ok: true; facts: ProgressFacts } | { ok: false; message: string };

/** Parses an imported file's text. Never throws; every failure says what is wrong in words a learner can act on. */
export function parseImport(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, message: "This file is too large to be a Quorum progress file. Nothing was changed." };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "This file is not valid JSON, so it cannot be Quorum progress. Nothing was changed." };
  }
  if (!json || typeof json !== "object" || (json as { format?: unknown }).format !== "quorum-progress") {
    return { ok: false, message: "This JSON file is not a Quorum progress export. Nothing was changed." };
  }
  const version = (json as { version?: unknown }).version;
  if (version !== 1 && version !== EXPORT_VERSION) {
    return { ok: false, message: "This progress file was made by a newer version of Quorum and cannot be read here. Nothing was changed." };
  }
  // A version 1 file (before the self-assessment) is validated as version 1, then upgraded.
  const parsed = version === 1 ? exportFileSchemaV1.safeParse(json) : exportFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return { ok: false, message: `This progress file is damaged${where}: ${issue?.message}. Nothing was changed.` };
  }
  return { ok: true, facts: parsed.data.version === 1 ? upgradeFactsV1(parsed.data.facts) : parsed.data.facts };
}
