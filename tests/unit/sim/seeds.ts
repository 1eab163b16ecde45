import { parseParams } from "@/lib/sim/params";
import { runScenario, type RunResult } from "@/lib/sim/runner";
import type { ParamSpec, Scenario, ScenarioMetrics } from "@/lib/sim/scenario";

/** Seeds 1..50: every scenario claim is checked on each of them. */
export const SEEDS: readonly number[] = Array.from({ length: 50 }, (_, i) => i + 1);

export interface SeedCheck {
  readonly ok: boolean;
  /** The numbers behind the verdict, shown when a seed fails. */
  readonly detail: string;
}

/** Runs the check for every seed and returns "seed N: detail" for each that failed. */
export function seedsWhereClaimFails(check: (seed: number) => SeedCheck): string[] {
  const failures: string[] = [];
  for (const seed of SEEDS) {
    const { ok, detail } = check(seed);
    if (!ok) failures.push(`seed ${seed}: ${detail}`);
  }
  return failures;
}

const runs = new Map<string, RunResult<ScenarioMetrics>>();

/**
 * Runs a scenario once per (params, seed) within a test file and remembers the result, so
 * several claims about the same runs do not pay for them twice.
 */
export function metricsOf<const S extends readonly ParamSpec[], R extends ScenarioMetrics>(
  scenario: Scenario<S, R>,
  params: Record<string, number | boolean | string>,
  seed: number,
): R {
  // Key on the full parameter set, so {} and an explicit default share one run.
  const key = `${scenario.id} ${JSON.stringify(parseParams(scenario, params).values)} ${seed}`;
  let result = runs.get(key);
  if (result === undefined) {
    result = runScenario(scenario, params, seed);
    runs.set(key, result);
  }
  // Stored under a key that includes the scenario id, so it came from this scenario.
  return result.metrics as R;
}
