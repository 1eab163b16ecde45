import { requireUser } from "@/lib/server/auth/session";
import { getDatabase } from "@/lib/server/db/client";
import { route } from "@/lib/server/http/route";
import { enforceLocalRateLimit, RATE_LIMITS } from "@/lib/server/http/rate-limit";
import { respondToSync } from "@/lib/server/sync/respond";
import { sqlSyncRepository } from "@/lib/server/sync/sql-repository";

/**
 * POST: sync this user's progress facts (docs/sync.md). The route wrapper refuses another
 * origin (403); then a session (401), the per-user rate limit (429 with Retry-After; counted in
 * this process's memory), and respondToSync: JSON only (415), at most 256 KiB (413), a valid
 * request for this account (400, 409), merged in one transaction under the user's lock.
 */
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  enforceLocalRateLimit(`sync:${user.id}`, RATE_LIMITS.syncPerUser);
  return respondToSync(req, sqlSyncRepository(await getDatabase()), { id: user.id }, {
    requestId: ctx.requestId,
    onWritten: (count) => ctx.setLogField("entriesWritten", count),
  });
});
