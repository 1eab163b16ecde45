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
  "cache-stampede": () => import("./scenarios/cache-stampede").then((m) => m.cacheStampede),
  "partition-choice": () => import("./scenarios/partition-choice").then((m) => m.partitionChoice),
  "order-races": () => import("./scenarios/order-races").then((m) => m.orderRaces),
  "consumer-group": () => import("./scenarios/consumer-group").then((m) => m.consumerGroup),
  "canary-rollback": () => import("./scenarios/canary-rollback").then((m) => m.canaryRollback),
  "gateway-checks": () => import("./scenarios/gateway-checks").then((m) => m.gatewayChecks),
  "schema-rollout": () => import("./scenarios/schema-rollout").then((m) => m.schemaRollout),
  "fault-injection": () => import("./scenarios/fault-injection").then((m) => m.faultInjection),
  "trace-sampling": () => import("./scenarios/trace-sampling").then((m) => m.traceSampling),
  "queueing-and-measurement": () => import("./scenarios/queueing-and-measurement").then((m) => m.queueingAndMeasurement),
  "limits-and-shedding": () => import("./scenarios/limits-and-shedding").then((m) => m.limitsAndShedding),
  "api-evolution": () => import("./scenarios/api-evolution").then((m) => m.apiEvolution),
  "contract-tests": () => import("./scenarios/contract-tests").then((m) => m.contractTests),
  "clock-skew-lww": () => import("./scenarios/clock-skew-lww").then((m) => m.clockSkewLww),
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
