import fc from "fast-check";
import { backoffCeiling, DEFAULT_BACKOFF, fullJitterDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay } from "@/lib/sync/backoff";

const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe("backoff", () => {
  it("waits a full-jitter delay within [0, min(cap, base·2^n)]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), unit, fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 600_000 }), (n, r, baseMs, capMs) => {
        const delay = fullJitterDelay(n, () => r, { baseMs, capMs });
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(Math.max(1, Math.min(capMs, baseMs * 2 ** n)));
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });

  it("doubles the ceiling each attempt until the cap", () => {
    expect([0, 1, 2, 5, 6, 7, 100].map((n) => backoffCeiling(n))).toEqual([1_000, 2_000, 4_000, 32_000, 60_000, 60_000, 60_000]);
    // The whole window is used: a small random number gives a small wait (full jitter, not "half plus jitter").
    expect(fullJitterDelay(6, () => 0.01)).toBe(600);
  });

  it("reads Retry-After as seconds or as an HTTP date, and ignores what it cannot read", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:45 GMT", now)).toBe(45_000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter("-5", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter("999999", now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it("waits at least Retry-After, plus less than one base interval of jitter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_RETRY_AFTER_MS }), fc.integer({ min: 0, max: 30 }), unit, (retryAfter, n, r) => {
        const delay = retryDelay(n, retryAfter, () => r);
        expect(delay).toBeGreaterThanOrEqual(retryAfter);
        expect(delay).toBeLessThan(retryAfter + DEFAULT_BACKOFF.baseMs);
      }),
    );
  });
});
