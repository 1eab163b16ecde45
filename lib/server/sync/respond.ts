/**
 * The sync endpoint as a Web Request → Response function, for the route handler to call once
 * it has authenticated the user (phase 2: app/api/v1/sync/route.ts, see docs/sync.md).
 */
import "server-only";
import { MAX_SYNC_REQUEST_BYTES, type Problem, tooLargeProblem } from "@/lib/sync/protocol";
import { readBytesWithin } from "../http/body";
import { jsonText } from "../http/json-response";
import { handleSync, type SyncUser } from "./handler";
import type { SyncRepository } from "./repository";

const UNSUPPORTED_MEDIA_TYPE: Problem = {
  type: "urn:quorum:problem:unsupported-media-type",
  status: 415,
  title: "The request body must be JSON",
  detail: "Send the sync request with Content-Type: application/json.",
};

export interface SyncResponseContext {
  /** Added to problem bodies, as every problem of the API carries it. */
  requestId?: string;
  /** Told how many entries the sync wrote (for the request's log line). */
  onWritten?: (count: number) => void;
}

export async function respondToSync(request: Request, repository: SyncRepository, user: SyncUser, context: SyncResponseContext = {}): Promise<Response> {
  const extensions = context.requestId ? { requestId: context.requestId } : {};
  // A JSON content type also means a cross-site form cannot post here without a CORS preflight.
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) return problemResponse(UNSUPPORTED_MEDIA_TYPE, extensions);
  const body = await readBytesWithin(request, MAX_SYNC_REQUEST_BYTES);
  if (!body) return problemResponse(tooLargeProblem(), extensions);
  const result = await handleSync(new TextDecoder().decode(body), repository, user);
  if ("problem" in result) return problemResponse(result.problem, extensions);
  context.onWritten?.(result.written);
  return jsonText(JSON.stringify(result.answer), { headers: { "cache-control": "no-store" } });
}

export function problemResponse(problem: Problem, extensions: Record<string, unknown> = {}): Response {
  return jsonText(JSON.stringify({ ...extensions, ...problem }), { status: problem.status, headers: { "cache-control": "no-store" } }, "application/problem+json");
}
