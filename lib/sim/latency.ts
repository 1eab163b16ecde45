import type { Rng } from "./rng";

/**
 * How long something takes, as a distribution over milliseconds. Used for link delays and
 * for service times. All variants are plain data so a scenario's setup stays serializable.
 */
export type LatencyDistribution =
  | { readonly kind: "constant"; readonly ms: number }
  | { readonly kind: "uniform"; readonly minMs: number; readonly maxMs: number }
  /** minMs plus an exponential with the given mean (a shifted exponential). */
  | { readonly kind: "exponential"; readonly minMs: number; readonly meanMs: number }
  /** medianMs · e^(sigma·Z), Z standard normal: right-skewed like real service times. */
  | { readonly kind: "log-normal"; readonly medianMs: number; readonly sigma: number }
  /** Usually `usual`, but with probability slowProbability `slow`: a tail you can set. */
  | {
      readonly kind: "mixture";
      readonly usual: LatencyDistribution;
      readonly slow: LatencyDistribution;
      readonly slowProbability: number;
    };

function assertNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

export const Latency = {
  constant(ms: number): LatencyDistribution {
    assertNonNegative("constant ms", ms);
    return { kind: "constant", ms };
  },
  uniform(minMs: number, maxMs: number): LatencyDistribution {
    assertNonNegative("uniform minMs", minMs);
    assertNonNegative("uniform maxMs", maxMs);
    if (maxMs < minMs) throw new RangeError(`uniform(${minMs}, ${maxMs}): max < min`);
    return { kind: "uniform", minMs, maxMs };
  },
  exponential(meanMs: number, minMs = 0): LatencyDistribution {
    assertNonNegative("exponential meanMs", meanMs);
    assertNonNegative("exponential minMs", minMs);
    return { kind: "exponential", minMs, meanMs };
  },
  logNormal(medianMs: number, sigma: number): LatencyDistribution {
    assertNonNegative("log-normal medianMs", medianMs);
    assertNonNegative("log-normal sigma", sigma);
    return { kind: "log-normal", medianMs, sigma };
  },
  mixture(usual: LatencyDistribution, slow: LatencyDistribution, slowProbability: number): LatencyDistribution {
    if (!(slowProbability >= 0 && slowProbability <= 1)) {
      throw new RangeError(`slowProbability must be in [0, 1], got ${slowProbability}`);
    }
    return { kind: "mixture", usual, slow, slowProbability };
  },
} as const;

/** Draws one duration in milliseconds (always finite and >= 0). */
export function sampleLatency(dist: LatencyDistribution, rng: Rng): number {
  switch (dist.kind) {
    case "constant":
      return dist.ms;
    case "uniform":
      return dist.minMs + (dist.maxMs - dist.minMs) * rng.float();
    case "exponential":
      return dist.minMs + rng.exponential(dist.meanMs);
    case "log-normal":
      return dist.medianMs * Math.exp(dist.sigma * rng.normal());
    case "mixture":
      // Always draw the coin first, then exactly one branch, so the number of draws per
      // sample depends only on the outcome, never on evaluation order.
      return rng.bernoulli(dist.slowProbability)
        ? sampleLatency(dist.slow, rng)
        : sampleLatency(dist.usual, rng);
  }
}
