import "server-only";

/**
 * Who a session cookie belongs to, remembered in this process for a minute, so that a signed-in
 * browser's requests (a sync every few seconds while it works) do not each cost a session query.
 *
 * Keyed by the whole signed cookie value (token and signature), so only a cookie Better Auth
 * has already verified can hit. Revocation:
 * - in this process it is immediate: Better Auth's session delete hook (sign-out, "sign out of
 *   every device", a password change that signs the other devices out, an expired session
 *   cleaned up) forgets the token, and deleting an account forgets the user;
 * - another process on the same PostgreSQL keeps honouring a session it cached for at most
 *   SESSION_CACHE_MS after it was revoked there (docs/server.md). PGlite is one process.
 */
export const SESSION_CACHE_MS = 60_000;
/** Enough for every active learner of a large team; the oldest entries go first past it. */
const MAX_ENTRIES = 10_000;

export interface CachedSessionUser {
  id: string;
  name: string;
  email: string;
}

interface Entry {
  user: CachedSessionUser;
  /** The session's own expiry (Better Auth's), and the end of this entry's minute. */
  until: number;
}

const KEY = Symbol.for("quorum.session-cache");
// On globalThis like the database (db/client.ts): one cache per process whatever the bundling.
const slot = ((globalThis as { [KEY]?: { entries: Map<string, Entry>; generation: number } })[KEY] ??= { entries: new Map(), generation: 0 });
const cache = slot.entries;

/**
 * Counts the forgets. A lookup that began before a session was revoked may answer after it;
 * it reads the generation before asking, and remembers nothing if a forget happened since.
 */
export function sessionCacheGeneration(): number {
  return slot.generation;
}

export function cachedSessionUser(cookieValue: string, now = Date.now()): CachedSessionUser | null {
  const entry = cache.get(cookieValue);
  if (!entry) return null;
  if (entry.until > now) return entry.user;
  cache.delete(cookieValue);
  return null;
}

export function rememberSessionUser(cookieValue: string, user: CachedSessionUser, sessionExpiresAt: Date, generation: number, now = Date.now()): void {
  if (generation !== slot.generation) return;
  const until = Math.min(now + SESSION_CACHE_MS, sessionExpiresAt.getTime());
  if (until <= now) return;
  if (cache.size >= MAX_ENTRIES) {
    // Maps iterate in insertion order: the first key is the oldest entry.
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.delete(cookieValue);
  cache.set(cookieValue, { user, until });
}

/** The session with this token ended (its cookie value is `token.signature`). */
export function forgetSessionToken(token: string): void {
  slot.generation += 1;
  for (const key of cache.keys()) if (key.startsWith(`${token}.`)) cache.delete(key);
}

/** Every session of this user ended (the account was deleted). */
export function forgetSessionsOfUser(userId: string): void {
  slot.generation += 1;
  for (const [key, entry] of cache) if (entry.user.id === userId) cache.delete(key);
}

/** Empties the cache (tests that reopen the database). */
export function clearSessionCacheForTests(): void {
  cache.clear();
}
