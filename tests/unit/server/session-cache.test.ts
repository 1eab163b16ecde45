/** The process's memory of confirmed sessions: a minute at most, never past the session, forgotten on revocation. */
import { afterEach, describe, expect, it } from "vitest";
import {
  cachedSessionUser,
  clearSessionCacheForTests,
  forgetSessionToken,
  forgetSessionsOfUser,
  rememberSessionUser,
  SESSION_CACHE_MS,
  sessionCacheGeneration,
} from "@/lib/server/auth/session-cache";

const ada = { id: "user-ada", name: "Ada", email: "ada@example.com" };
const bo = { id: "user-bo", name: "Bo", email: "bo@example.com" };
const NOW = 1_700_000_000_000;
const inADay = new Date(NOW + 24 * 60 * 60 * 1_000);

afterEach(() => clearSessionCacheForTests());

describe("session cache", () => {
  it("answers for a remembered cookie for SESSION_CACHE_MS, then asks again", () => {
    rememberSessionUser("tok-a.sig-a", ada, inADay, sessionCacheGeneration(), NOW);
    expect(cachedSessionUser("tok-a.sig-a", NOW + SESSION_CACHE_MS - 1)).toEqual(ada);
    expect(cachedSessionUser("tok-a.sig-a", NOW + SESSION_CACHE_MS)).toBeNull();
  });

  it("knows only the exact cookie value: the same token with another signature is not it", () => {
    rememberSessionUser("tok-a.sig-a", ada, inADay, sessionCacheGeneration(), NOW);
    expect(cachedSessionUser("tok-a.forged", NOW)).toBeNull();
    expect(cachedSessionUser("tok-a", NOW)).toBeNull();
  });

  it("never outlives the session itself", () => {
    rememberSessionUser("tok-a.sig-a", ada, new Date(NOW + 5_000), sessionCacheGeneration(), NOW);
    expect(cachedSessionUser("tok-a.sig-a", NOW + 4_999)).toEqual(ada);
    expect(cachedSessionUser("tok-a.sig-a", NOW + 5_000)).toBeNull();
    rememberSessionUser("tok-b.sig-b", bo, new Date(NOW - 1), sessionCacheGeneration(), NOW);
    expect(cachedSessionUser("tok-b.sig-b", NOW)).toBeNull();
  });

  it("forgets a token when its session ends, and every session of a deleted user", () => {
    rememberSessionUser("tok-a.sig-a", ada, inADay, sessionCacheGeneration(), NOW);
    rememberSessionUser("tok-a2.sig", ada, inADay, sessionCacheGeneration(), NOW);
    rememberSessionUser("tok-b.sig-b", bo, inADay, sessionCacheGeneration(), NOW);
    forgetSessionToken("tok-a");
    expect(cachedSessionUser("tok-a.sig-a", NOW)).toBeNull();
    expect(cachedSessionUser("tok-a2.sig", NOW)).toEqual(ada);
    forgetSessionsOfUser(ada.id);
    expect(cachedSessionUser("tok-a2.sig", NOW)).toBeNull();
    expect(cachedSessionUser("tok-b.sig-b", NOW)).toEqual(bo);
  });

  it("remembers nothing from a lookup that began before a revocation", () => {
    const before = sessionCacheGeneration();
    forgetSessionToken("tok-a");
    rememberSessionUser("tok-a.sig-a", ada, inADay, before, NOW);
    expect(cachedSessionUser("tok-a.sig-a", NOW)).toBeNull();
  });

  it("keeps at most ten thousand sessions, dropping the oldest", () => {
    const generation = sessionCacheGeneration();
    for (let i = 0; i <= 10_000; i++) rememberSessionUser(`tok-${i}.sig`, { ...ada, id: `user-${i}` }, inADay, generation, NOW);
    expect(cachedSessionUser("tok-0.sig", NOW)).toBeNull();
    expect(cachedSessionUser("tok-1.sig", NOW)?.id).toBe("user-1");
    expect(cachedSessionUser("tok-10000.sig", NOW)?.id).toBe("user-10000");
  });
});
