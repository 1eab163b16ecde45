/**
 * Logical timestamps for ordering writes across replicas without trusting wall clocks.
 *
 * A hybrid logical clock (Kulkarni et al., 2014) stamps events with (wall, logical): the
 * largest wall-clock reading seen so far (its own or one received), and a counter that
 * breaks ties. An event's stamp is always greater than that of every event it causally
 * follows, however skewed or stepped the wall clock is, and stays close to physical time.
 */
export interface HlcStamp {
  readonly wall: number;
  readonly logical: number;
}

export class HybridLogicalClock {
  private last: HlcStamp = { wall: Number.NEGATIVE_INFINITY, logical: 0 };

  /** A stamp for a local event (a write) when the wall clock reads physicalMs. */
  now(physicalMs: number): HlcStamp {
    this.last = physicalMs > this.last.wall ? { wall: physicalMs, logical: 0 } : { wall: this.last.wall, logical: this.last.logical + 1 };
    return this.last;
  }

  /** Takes in a stamp received from another node, so later local stamps exceed it. */
  observe(received: HlcStamp, physicalMs: number): void {
    const wall = Math.max(this.last.wall, received.wall, physicalMs);
    let logical = 0;
    if (wall === this.last.wall && wall === received.wall) logical = Math.max(this.last.logical, received.logical) + 1;
    else if (wall === this.last.wall) logical = this.last.logical + 1;
    else if (wall === received.wall) logical = received.logical + 1;
    this.last = { wall, logical };
  }
}

/** Negative, zero or positive as a is before, equal to or after b. */
export function compareHlc(a: HlcStamp, b: HlcStamp): number {
  return a.wall !== b.wall ? a.wall - b.wall : a.logical - b.logical;
}

/** A version vector: per replica, how many of its writes a value has seen. */
export type VersionVector = Readonly<Record<string, number>>;

export type VectorOrder = "before" | "after" | "equal" | "concurrent";

/** How a relates to b: before (b has seen all of a), after, equal, or concurrent (neither). */
export function compareVectors(a: VersionVector, b: VersionVector): VectorOrder {
  let less = false;
  let greater = false;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[key] ?? 0;
    const y = b[key] ?? 0;
    if (x < y) less = true;
    if (x > y) greater = true;
  }
  if (less && greater) return "concurrent";
  if (less) return "before";
  if (greater) return "after";
  return "equal";
}

/** The entry-wise maximum: a vector that has seen everything any of them has. */
export function mergeVectors(vectors: readonly VersionVector[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const v of vectors) for (const [key, n] of Object.entries(v)) merged[key] = Math.max(merged[key] ?? 0, n);
  return merged;
}
