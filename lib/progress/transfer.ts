/** Export and import of progress as a JSON file. Import validates everything before it touches the store. */
import { type ExportFile, exportFileSchema } from "./schema";
import type { ProgressFacts } from "./types";

export const MAX_IMPORT_BYTES = 2_000_000;

export function buildExport(facts: ProgressFacts, now: Date): ExportFile {
  return { format: "quorum-progress", version: 1, exportedAt: now.toISOString(), facts };
}

export function exportFileName(now: Date): string {
  return `quorum-progress-${now.toISOString().slice(0, 10)}.json`;
}

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
  if ((json as { version?: unknown }).version !== 1) {
    return { ok: false, message: "This progress file was made by a newer version of Quorum and cannot be read here. Nothing was changed." };
  }
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return { ok: false, message: `This progress file is damaged${where}: ${issue?.message}. Nothing was changed.` };
  }
  return { ok: true, facts: parsed.data.facts };
}
