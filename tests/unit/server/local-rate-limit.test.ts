/** The in-memory fixed window that limits sync: max per window, Retry-After until it ends, keys apart. */
import { afterEach, describe, expect, it } from "vitest";
import { clearLocalRateLimitsForTests, consumeLocalRateLimit, countedKeysForTests } from "@/lib/server/http/local-rate-limit";

const rule = { windowSeconds: 60, max: 3 };
const NOW = 1_700_000_000_000;

afterEach(() => clearLocalRateLimitsForTests());

describe("consumeLocalRateLimit", () => {
  it("allows max requests in a window, then refuses with the seconds left", () => {
    for (let i = 0; i < 3; i++) expect(consumeLocalRateLimit("sync:a", rule, NOW + i * 1_000)).toEqual({ allowed: true });
    expect(consumeLocalRateLimit("sync:a", rule, NOW + 20_500)).toEqual({ allowed: false, retryAfterSeconds: 40 });
    expect(consumeLocalRateLimit("sync:a", rule, NOW + 59_999)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("starts a new window when the last one has ended", () => {
    for (let i = 0; i < 4; i++) consumeLocalRateLimit("sync:a", rule, NOW);
    expect(consumeLocalRateLimit("sync:a", rule, NOW + 60_000)).toEqual({ allowed: true });
  });

  it("counts each key on its own", () => {
    for (let i = 0; i < 4; i++) consumeLocalRateLimit("sync:a", rule, NOW);
    expect(consumeLocalRateLimit("sync:b", rule, NOW)).toEqual({ allowed: true });
  });

  it("sweeps ended windows when many keys pile up, keeping the live ones", () => {
    for (let i = 0; i < 9_999; i++) consumeLocalRateLimit(`old:${i}`, rule, NOW);
    for (let i = 0; i < 4; i++) consumeLocalRateLimit("live", { windowSeconds: 600, max: 3 }, NOW);
    expect(countedKeysForTests()).toBe(10_000);
    // A new key past the threshold, once the old windows ended: they go, "live" stays (and stays refused).
    expect(consumeLocalRateLimit("new", rule, NOW + 61_000)).toEqual({ allowed: true });
    expect(countedKeysForTests()).toBe(2);
    expect(consumeLocalRateLimit("live", { windowSeconds: 600, max: 3 }, NOW + 61_000)).toMatchObject({ allowed: false });
  });
});
