import "server-only";

/**
 * Small JSON answers are not worth compressing, and `next start` would gzip them all: its
 * compression middleware skips a response under 1 KB only when it knows the length, and a
 * route handler's body reaches it as a stream of unknown length. So every answer built here
 * declares its Content-Length: under 1 KB it goes out as is, larger ones (a first sync's page,
 * an export) are still compressed. Pages are not affected. (docs/performance.md, "The sync
 * server under load": gzip was about 0.15 ms of CPU per sync for a few hundred bytes.)
 */
export function jsonText(text: string, init: ResponseInit = {}, contentType = "application/json"): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", contentType);
  headers.set("content-length", String(Buffer.byteLength(text)));
  return new Response(text, { ...init, headers });
}
