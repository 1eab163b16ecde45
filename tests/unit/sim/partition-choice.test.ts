import { describe, expect, it } from "vitest";
import { createRun, runScenario } from "@/lib/sim/runner";
import { hashEventLog } from "@/lib/sim/event-log";
import { partitionChoice } from "@/lib/sim/scenarios/partition-choice";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const AVAILABLE = { seats: "available", wishlist: "union" };
const LWW = { seats: "available", wishlist: "lww" };
const CONSISTENT = { seats: "consistent", wishlist: "consistent" };
const FIX = { seats: "consistent", wishlist: "union" };

describe("partition-choice: two regions, cut off from 5 s to 15 s, WAN 50 ms one way", () => {
  it("a consistent seat choice never double-books, and refuses bookings only while the regions are cut off, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(partitionChoice, CONSISTENT, seed);
      return {
        ok: m.seatsDoubleBooked === 0 && m.bookingsRefused > 50 && m.bookingsRefusedOutsidePartition === 0,
        detail: `${m.seatsDoubleBooked} double-booked, ${m.bookingsRefused} refused (${m.bookingsRefusedOutsidePartition} outside the partition)`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("an available seat choice refuses nothing and double-books at least one seat at the heal, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(partitionChoice, AVAILABLE, seed);
      return { ok: m.bookingsRefused === 0 && m.seatsDoubleBooked >= 1, detail: `${m.bookingsRefused} refused, ${m.seatsDoubleBooked} double-booked` };
    });
    expect(failures).toEqual([]);
  });

  it("an available wishlist merged by union loses nothing; by last writer wins it loses adds, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const union = metricsOf(partitionChoice, AVAILABLE, seed);
      const lww = metricsOf(partitionChoice, LWW, seed);
      return {
        ok: union.wishesRefused === 0 && union.wishItemsLost === 0 && lww.wishesRefused === 0 && lww.wishItemsLost > 20,
        detail: `union lost ${union.wishItemsLost}, last writer wins lost ${lww.wishItemsLost}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("consistent writes pay at least one WAN round trip at p50 even with no partition, available ones under 10 ms, at 10, 50 and 200 ms", () => {
    for (const wanMs of [10, 50, 200]) {
      const failures = seedsWhereClaimFails((seed) => {
        const consistent = metricsOf(partitionChoice, { ...CONSISTENT, wanMs, partitionS: 0 }, seed);
        const available = metricsOf(partitionChoice, { ...AVAILABLE, wanMs, partitionS: 0 }, seed);
        return {
          ok: (consistent.bookingP50Ms ?? 0) >= 2 * wanMs && (consistent.wishP50Ms ?? 0) >= 2 * wanMs && (available.bookingP50Ms ?? Infinity) < 10 && (available.wishP50Ms ?? Infinity) < 10,
          detail: `WAN ${wanMs} ms: consistent p50 ${consistent.bookingP50Ms} / ${consistent.wishP50Ms}, available ${available.bookingP50Ms} / ${available.wishP50Ms}`,
        };
      });
      expect(failures).toEqual([]);
    }
  }, 30_000);

  it("with no partition a consistent system refuses nothing", () => {
    for (const seed of [1, 2, 3]) {
      const m = metricsOf(partitionChoice, { ...CONSISTENT, partitionS: 0 }, seed);
      expect(m.bookingsRefused + m.wishesRefused).toBe(0);
    }
  });

  it("everything consistent refuses wishlist adds during the partition, though they could not conflict; the fix refuses none and double-books no seat, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const consistent = metricsOf(partitionChoice, CONSISTENT, seed);
      const fix = metricsOf(partitionChoice, FIX, seed);
      return {
        ok: consistent.wishesRefused > 100 && fix.wishesRefused === 0 && fix.wishItemsLost === 0 && fix.seatsDoubleBooked === 0,
        detail: `wishlist refused: consistent ${consistent.wishesRefused}, fix ${fix.wishesRefused}; fix double-booked ${fix.seatsDoubleBooked}, lost ${fix.wishItemsLost}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("is deterministic: the same seed gives the same event log and metrics, another seed a different log", () => {
    const runs = [1, 1, 2].map((seed) => createRun(partitionChoice, FIX, seed, { recordLog: true }));
    const results = runs.map((r) => r.runToEnd());
    const hashes = runs.map((r) => hashEventLog(r.eventLog()));
    expect(hashes[0]).toBe(hashes[1]);
    expect(hashes[0]).not.toBe(hashes[2]);
    expect(results[0]?.metrics).toEqual(results[1]?.metrics);
  });

  it("has the naive preset first and the fix last, and each preset changes the outcome", () => {
    expect(partitionChoice.presets.map((p) => p.id)).toEqual(["naive", "lww", "consistent", "fixed"]);
    const summaries = partitionChoice.presets.map((p) => runScenario(partitionChoice, p.params, 1).summary);
    expect(new Set(summaries).size).toBe(summaries.length);
  });
});
