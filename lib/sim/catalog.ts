import type { AnyScenario } from "./scenario";

/**
 * Every scenario's id and how to load it on its own. The demo frame imports this module,
 * never the registry in index.ts, so each scenario is a chunk of its own and a lesson page
 * downloads only the scenario its demo runs: twenty scenarios cost one page no more than one.
 * index.ts keeps the eager registry (for the build, tests and benchmarks); a unit test keeps
 * the two in step.
 */
const loaders = {
  "fan-out-tail": () => import("./scenarios/fan-out-tail").then((m) => m.fanOutTail),
  "sync-vs-queue": () => import("./scenarios/sync-vs-queue").then((m) => m.syncVsQueue),
  "replica-lag": () => import("./scenarios/replica-lag").then((m) => m.replicaLag),
  "retry-storm": () => import("./scenarios/retry-storm").then((m) => m.retryStorm),
  "instance-failover": () => import("./scenarios/instance-failover").then((m) => m.instanceFailover),
  "documented-api": () => import("./scenarios/documented-api").then((m) => m.documentedApi),
} satisfies Record<string, () => Promise<AnyScenario>>;

export type ScenarioId = keyof typeof loaders;

export const SCENARIO_IDS = Object.keys(loaders) as ScenarioId[];

export function isScenarioId(id: string): id is ScenarioId {
  return Object.prototype.hasOwnProperty.call(loaders, id);
}

/** Loads one scenario's module (a separate chunk in the browser). */
export function loadScenario(id: ScenarioId): Promise<AnyScenario> {
  return loaders[id]();
}
