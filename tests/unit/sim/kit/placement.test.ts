import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hash32, HashRing, modNShard } from "@/lib/sim/kit/placement";

const KEYS = Array.from({ length: 10_000 }, (_, k) => k);

describe("key placement", () => {
  it("hash mod N moves N/(N+1) of the keys when a shard joins (4 → 5: about 80%)", () => {
    for (const n of [2, 4, 9]) {
      const moved = KEYS.filter((k) => modNShard(k, n) !== modNShard(k, n + 1)).length / KEYS.length;
      expect(Math.abs(moved - n / (n + 1))).toBeLessThan(0.02);
    }
  });

  it("a ring with 100 points per shard moves about 1/(N+1) of the keys, every one of them to the new shard", () => {
    const ring = new HashRing(4, 100);
    const before = KEYS.map((k) => ring.shardFor(k));
    ring.add(4);
    const moved = KEYS.filter((k) => ring.shardFor(k) !== before[k]);
    expect(moved.length / KEYS.length).toBeGreaterThan(0.15);
    expect(moved.length / KEYS.length).toBeLessThan(0.25);
    expect(moved.every((k) => ring.shardFor(k) === 4)).toBe(true);
    expect(ring.shards).toBe(5);
  });

  it("both placements spread keys over every shard, none with more than twice its fair share", () => {
    const ring = new HashRing(5, 100);
    for (const shardOf of [(k: number) => modNShard(k, 5), (k: number) => ring.shardFor(k)]) {
      const counts = [0, 0, 0, 0, 0];
      for (const k of KEYS) counts[shardOf(k)]!++;
      for (const c of counts) {
        expect(c).toBeGreaterThan(0);
        expect(c).toBeLessThan((2 * KEYS.length) / 5);
      }
    }
  });

  it("placement is a pure function of the key: a shard number in range, the same every time", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 12 }), (key, shards) => {
        const ring = new HashRing(shards, 20);
        const s = ring.shardFor(key);
        expect(s >= 0 && s < shards).toBe(true);
        expect(new HashRing(shards, 20).shardFor(key)).toBe(s);
        const m = modNShard(key, shards);
        expect(m >= 0 && m < shards).toBe(true);
        expect(hash32(`k${key}`)).toBe(hash32(`k${key}`));
      }),
    );
  });

  it("rejects a ring without points", () => {
    expect(() => new HashRing(4, 0)).toThrow(RangeError);
    expect(() => new HashRing(0, 10).shardFor(1)).toThrow();
  });
});
