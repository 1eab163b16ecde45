import fc from "fast-check";
import { compareTimestamps, observe, tick, zeroTimestamp } from "@/lib/progress/clock";
import { timestamp } from "./arbitraries";

describe("hybrid logical clock", () => {
  it("follows the wall clock when it moves forward", () => {
    expect(tick(zeroTimestamp("d"), 1000)).toEqual({ wall: 1000, counter: 0, device: "d" });
  });

  it("never goes backwards when the wall clock does", () => {
    const first = tick(zeroTimestamp("d"), 1000);
    const second = tick(first, 400);
    expect(second).toEqual({ wall: 1000, counter: 1, device: "d" });
    expect(compareTimestamps(second, first)).toBe(1);
  });

  it("orders every local event after the previous one, whatever the wall clock says", () => {
    fc.assert(
      fc.property(timestamp, fc.integer({ min: 0, max: 40 }), (last, now) => {
        expect(compareTimestamps(tick(last, now), last)).toBe(1);
      }),
    );
  });

  it("issues, after observing a remote timestamp, a timestamp later than both", () => {
    fc.assert(
      fc.property(timestamp, timestamp, fc.integer({ min: 0, max: 40 }), (local, remote, now) => {
        const next = observe(local, remote, now);
        expect(next.device).toBe(local.device);
        expect(next.wall > remote.wall || (next.wall === remote.wall && next.counter > remote.counter)).toBe(true);
        expect(compareTimestamps(next, local)).toBe(1);
      }),
    );
  });
});
