import { fnv1a32 } from "../event-log";

/**
 * Which shard holds a key: hash mod N, or a consistent-hash ring with virtual nodes. Keys
 * and shards are small integers (key 0..n-1, shard 0..s-1); positions come from a fixed
 * hash, never from the run's random numbers, so every seed places keys the same way and the
 * share of keys that move when a shard joins is a property of the key set.
 */

/** A well-mixed 32-bit hash of a string: FNV-1a, then MurmurHash3's finalizer. */
export function hash32(text: string): number {
  let h = fnv1a32(text);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A key's position, shared by both placements. */
export function keyHash(key: number): number {
  return hash32(`key:${key}`);
}

/** hash(key) mod shards: even, until the number of shards changes. */
export function modNShard(key: number, shards: number): number {
  return keyHash(key) % shards;
}

/**
 * A consistent-hash ring: each shard sits at `vnodes` points on a 32-bit circle, and a key
 * belongs to the first point at or after its hash, clockwise. Adding a shard takes over only
 * the arcs just before its points, so only keys on those arcs move, and all to the new shard.
 */
export class HashRing {
  private points: { readonly at: number; readonly shard: number }[] = [];

  constructor(
    shards: number,
    private readonly vnodes: number,
  ) {
    if (!Number.isInteger(vnodes) || vnodes < 1) throw new RangeError(`vnodes must be an integer >= 1, got ${vnodes}`);
    for (let s = 0; s < shards; s++) this.add(s);
  }

  get shards(): number {
    return new Set(this.points.map((p) => p.shard)).size;
  }

  /** Places a shard's virtual nodes on the ring. */
  add(shard: number): void {
    for (let v = 0; v < this.vnodes; v++) this.points.push({ at: hash32(`shard:${shard}#${v}`), shard });
    // Ties (vanishingly rare) are broken by shard number, so the order is total.
    this.points.sort((a, b) => a.at - b.at || a.shard - b.shard);
  }

  shardFor(key: number): number {
    const k = keyHash(key);
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.points[mid]?.at ?? 0) < k) lo = mid + 1;
      else hi = mid;
    }
    const point = this.points[lo % this.points.length];
    if (point === undefined) throw new Error("the ring has no shards");
    return point.shard;
  }
}
