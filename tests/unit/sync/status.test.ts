import { hasSignedInHint } from "@/lib/sync/hint";
import { describeSyncStatus, timeAgo, timeUntil } from "@/lib/sync/status";

const now = Date.parse("2026-03-10T12:00:00Z");

describe("sync status in words", () => {
  it("says how long ago, in steps a reader can take in at a glance", () => {
    expect(timeAgo(now - 10_000, now)).toBe("just now");
    expect(timeAgo(now - 50_000, now)).toBe("1 min ago");
    expect(timeAgo(now - 59 * 60_000, now)).toBe("59 min ago");
    expect(timeAgo(now - 3 * 3_600_000, now)).toBe("3 h ago");
    expect(timeAgo(Date.parse("2026-03-04T09:00:00Z"), now)).toBe("on 4 Mar");
    expect(timeAgo(now + 5_000, now)).toBe("just now");
  });

  it("says when the next attempt is", () => {
    expect(timeUntil(now + 200, now)).toBe("in 1 s");
    expect(timeUntil(now + 45_000, now)).toBe("in 45 s");
    expect(timeUntil(now + 150_000, now)).toBe("in 3 min");
  });

  it("names each state, with the number of changes waiting", () => {
    expect(describeSyncStatus({ kind: "offline", pending: 0, retryAt: null }, now).label).toBe("Offline");
    expect(describeSyncStatus({ kind: "offline", pending: 3, retryAt: null }, now).short).toBe("Offline (3)");
    expect(describeSyncStatus({ kind: "error", problem: "Quorum has been updated: reload the page to sync", pending: 0, retryAt: null }, now)).toEqual({
      label: "Not synced",
      short: "Not synced",
      detail: "Quorum has been updated: reload the page to sync",
    });
  });

  it("reads the signed-in hint from the cookies", () => {
    expect(hasSignedInHint("")).toBe(false);
    expect(hasSignedInHint("theme=dark; quorum-signed-in=1")).toBe(true);
    expect(hasSignedInHint("not-quorum-signed-in=1")).toBe(false);
  });
});
