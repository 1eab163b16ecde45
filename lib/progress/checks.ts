/**
 * The checks that progress from outside this tab's memory passes before the store trusts it:
 * what storage gives back (at start-up, and when another tab saves) and imported files. They
 * need zod, about 18 KB of JavaScript gzipped, so the store loads this module with import()
 * the first time it needs one (loadProgressChecks in storage.ts) rather than in every page's
 * first load (docs/performance.md). One module, so one chunk and one request.
 */
export { parseImport } from "./import-file";
export { migrateStoredState } from "./migrations";
export { readOtherTabSave, readStoredProgress } from "./read-stored";
