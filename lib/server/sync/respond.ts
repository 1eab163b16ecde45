/**
 * The sync endpoint as a Web Request → Response function, for the route handler to call once
 * it has authenticated the user (phase 2: app/api/v1/sync/route.ts, see docs/sync.md).
 */
import "server-only";
import { MAX_SYNC_REQUEST_BYTES, type Problem, tooLargeProblem } from "@/lib/sync/protocol";
import { readBodyWithin } from "./body";
import { handleSync, type SyncUser } from "./handler";
import type { SyncRepository } from "./repository";

const UNSUPPORTED_MEDIA_TYPE: Problem = {
  type: "/api/v1/problems/unsupported-media-type",
  status: 415,
  title: "The request body must be JSON",
  detail: "Send the sync request with Content-Type: application/json.",
};

export async function respondToSync(request: Request, repository: SyncRepository, user: SyncUser): Promise<Response> {
  // A JSON content type also means a cross-site form cannot post here without a CORS preflight.
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) return problemResponse(UNSUPPORTED_MEDIA_TYPE);
  const body = await readBodyWithin(request, MAX_SYNC_REQUEST_BYTES);
  if (!body.ok) return problemResponse(tooLargeProblem());
  const result = await handleSync(body.text, repository, user);
  if ("problem" in result) return problemResponse(result.problem);
  return Response.json(result.answer, { headers: { "cache-control": "no-store" } });
}

export function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
  });
}
