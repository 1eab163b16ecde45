import "server-only";
import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets the JavaScript heap grow past what the last full collection kept alive.
 * By default it grows by a factor of up to 4 when the heap is allocating fast, and a server
 * under a steady load allocates fast: at 200 syncs a second the process went from 300 MB idle
 * to a peak of 512 MB, almost all of it garbage not yet collected, where the budget is
 * 400 MB. At 1.5 × it peaked at 357 MB with the same latency (p99 22 against 25 ms) and the
 * same CPU per request (docs/performance.md, "The sync server under load"). A factor, not a
 * cap like --max-old-space-size: a larger team's live data still fits, it just triggers full
 * collections sooner.
 */
const HEAP_GROWING_PERCENT = 50;

/** Called once at start (instrumentation.ts). V8 reads the flag at each full collection. */
export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
