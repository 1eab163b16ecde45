import "server-only";

/** Below this many bytes `next start`'s compression middleware would not compress, if it knew the length. */
const WORTH_COMPRESSING_BYTES = 1_024;

/**
 * A JSON answer. Small ones are marked `Cache-Control: no-transform`, which is what keeps
 * `next start` from gzipping them: its compression middleware skips answers under 1 KB only
 * when it knows their length, a route handler's body reaches it as a stream of unknown length,
 * and Next drops a Content-Length set by the handler. Gzip cost a sync about 0.15 ms of CPU
 * for an answer of a few hundred bytes (docs/performance.md, "The sync server under load").
 * Larger answers (a first sync's page, an export) are still compressed; pages are not affected.
 */
export function jsonText(text: string, init: ResponseInit = {}, contentType = "application/json"): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", contentType);
  if (Buffer.byteLength(text) < WORTH_COMPRESSING_BYTES) headers.set("cache-control", `${headers.get("cache-control") ?? "no-store"}, no-transform`);
  return new Response(text, { ...init, headers });
}
