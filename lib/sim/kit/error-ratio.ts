import type { RequestLedger } from "./requests";

/** Requests that ended in a window, how many of them failed, and the failed share in %. */
export interface ErrorRatio {
  readonly requests: number;
  readonly errors: number;
  /** errors / requests × 100; 0 when no request ended in the window. */
  readonly percent: number;
}

/**
 * The error ratio of the requests of one or more ledgers that ended in [fromMs, toMs),
 * counted by whole buckets of the ledgers' rate series (the buckets that start in the
 * window): what a canary analysis or an error-rate alert compares. Pass two ledgers to
 * measure them as one population (the whole fleet).
 */
export function errorRatioIn(ledgers: readonly RequestLedger[], fromMs: number, toMs: number): ErrorRatio {
  let requests = 0;
  let errors = 0;
  for (const ledger of ledgers) {
    const bucket = ledger.okRate.bucketMs;
    for (let t = Math.max(0, Math.ceil(fromMs / bucket) * bucket); t < toMs; t += bucket) {
      const failed = ledger.failureRate.countAt(t);
      errors += failed;
      requests += failed + ledger.okRate.countAt(t);
    }
  }
  return { requests, errors, percent: requests === 0 ? 0 : (100 * errors) / requests };
}
