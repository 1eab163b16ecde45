/**
 * Seeded pseudo-random numbers for the simulator.
 *
 * The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator from
 * PractRand), seeded from one 32-bit integer through splitmix32. It passes the usual
 * statistical batteries, needs only 32-bit integer arithmetic (so it gives the same
 * stream in every JavaScript engine) and its whole state is four numbers, which keeps a
 * run reproducible and its state serializable. Nothing in lib/sim may use Math.random.
 */

export interface RngState {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

const TWO_TO_32 = 4294967296;

/** splitmix32: spreads a small seed (1, 2, 3...) over all 32 bits. */
function splitmix32(state: number): { value: number; state: number } {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return { value: z >>> 0, state: next };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    let s = seed | 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const out = splitmix32(s);
      words.push(out.value);
      s = out.state;
    }
    this.a = words[0] ?? 0;
    this.b = words[1] ?? 0;
    this.c = words[2] ?? 0;
    this.d = words[3] ?? 1;
    // The first outputs of sfc32 are still correlated with the seed; discard them.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  static fromState(state: RngState): Rng {
    const rng = new Rng(0);
    rng.a = state.a >>> 0;
    rng.b = state.b >>> 0;
    rng.c = state.c >>> 0;
    rng.d = state.d >>> 0;
    return rng;
  }

  state(): RngState {
    return { a: this.a >>> 0, b: this.b >>> 0, c: this.c >>> 0, d: this.d >>> 0 };
  }

  /** A uniformly distributed integer in [0, 2^32). */
  nextUint32(): number {
    const t0 = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    const t = (t0 + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 32 bits of randomness. */
  float(): number {
    return this.nextUint32() / TWO_TO_32;
  }

  /** A float in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /**
   * An integer in [min, max], both inclusive. Uses multiply-and-floor, whose bias is at
   * most range / 2^32: irrelevant for the small ranges a simulation draws from.
   */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min <= max`);
    }
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.float() < p;
  }

  /** Exponentially distributed with the given mean (inverse-CDF method). */
  exponential(mean: number): number {
    // 1 - float() lies in (0, 1], so the logarithm is finite.
    return -mean * Math.log(1 - this.float());
  }

  /**
   * A standard normal variate (Box–Muller). Always consumes exactly two uniforms and
   * caches nothing, so the stream position never depends on earlier calls.
   */
  normal(): number {
    const u1 = 1 - this.float();
    const u2 = this.float();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() from an empty list");
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** A shuffled copy (Fisher–Yates); the input is left as it was. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /**
   * An independent generator seeded from this one. Give each source of randomness its own
   * fork when a parameter change should not shift the draws of an unrelated part.
   */
  fork(): Rng {
    return new Rng(this.nextUint32() | 0);
  }
}
