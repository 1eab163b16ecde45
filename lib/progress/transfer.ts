/**
 * Export of progress as a JSON file. Reading one back (import) validates everything first and
 * needs zod, so it lives apart, in import-file.ts, loaded on demand.
 */
import type { ExportFile } from "./schema";
import type { ProgressFacts } from "./types";

/** The export format this version writes; it reads this one and every older one. */
export const EXPORT_VERSION = 2;

export function buildExport(facts: ProgressFacts, now: Date): ExportFile {
  return { format: "quorum-progress", version: EXPORT_VERSION, exportedAt: now.toISOString(), facts };
}

export function exportFileName(now: Date): string {
  return `quorum-progress-${now.toISOString().slice(0, 10)}.json`;
}
