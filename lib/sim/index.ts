/**
 * Quorum's deterministic discrete-event simulator: the engine, the scenario contract and
 * one scenario per lesson. Pure TypeScript with no DOM or Node-only APIs, so it runs the
 * same in the browser, in Node and in tests. See docs/simulator.md.
 */
import type { ScenarioId } from "./catalog";
import type { AnyScenario } from "./scenario";
import { apiEvolution } from "./scenarios/api-evolution";
import { cacheStampede } from "./scenarios/cache-stampede";
import { clockSkewLww } from "./scenarios/clock-skew-lww";
import { documentedApi } from "./scenarios/documented-api";
import { fanOutTail } from "./scenarios/fan-out-tail";
import { gatewayChecks } from "./scenarios/gateway-checks";
import { faultInjection } from "./scenarios/fault-injection";
import { instanceFailover } from "./scenarios/instance-failover";
import { partitionChoice } from "./scenarios/partition-choice";
import { canaryRollback } from "./scenarios/canary-rollback";
import { consumerGroup } from "./scenarios/consumer-group";
import { orderRaces } from "./scenarios/order-races";
import { limitsAndShedding } from "./scenarios/limits-and-shedding";
import { replicaLag } from "./scenarios/replica-lag";
import { queueingAndMeasurement } from "./scenarios/queueing-and-measurement";
import { retryStorm } from "./scenarios/retry-storm";
import { contractTests } from "./scenarios/contract-tests";
import { schemaRollout } from "./scenarios/schema-rollout";
import { syncVsQueue } from "./scenarios/sync-vs-queue";
import { traceSampling } from "./scenarios/trace-sampling";

export { isScenarioId, loadScenario, SCENARIO_IDS, type ScenarioId } from "./catalog";
export { Clock, PERFECT_CLOCK, type ClockSpec } from "./clock";
export { Simulation, type NodeSpec, type NodeView, type SimulationOptions } from "./engine";
export { fnv1a32, hashEventLog, serializeLogEntry, type EventLogEntry } from "./event-log";
export { EventQueue, type Scheduled } from "./event-queue";
export { Fifo } from "./fifo";
export { Histogram, nearestRankPercentile } from "./histogram";
export { Latency, sampleLatency, type LatencyDistribution } from "./latency";
export { Counter, Metrics } from "./metrics";
export { DEFAULT_LINK, Network, type DisplayLink, type LinkSpec, type Partition } from "./network";
export { defaultParams, parseParams, type ParamIssue, type ParsedParams } from "./params";
export { Rng, type RngState } from "./rng";
export {
  checkSeed,
  createRun,
  normalizeSeed,
  runScenario,
  sweepSeeds,
  type Run,
  type RunOptions,
  type RunResult,
  type SeedVerdict,
} from "./runner";
export {
  checkValue,
  defineScenario,
  type AnyScenario,
  type BooleanParam,
  type BuildOptions,
  type ChoiceParam,
  type NumberParam,
  type ParamSpec,
  type ParamValues,
  type Scenario,
  type ScenarioInstance,
  type ScenarioMetrics,
  type ScenarioPreset,
  type SeedCheck,
  type SimulationHandle,
} from "./scenario";
export {
  MAX_EVENTS_SHOWN,
  MAX_MESSAGES_SHOWN,
  type CellTone,
  type ChartSeries,
  type EventTone,
  type HeadlineMetric,
  type NotableEvent,
  type Snapshot,
  type SnapshotLink,
  type SnapshotMessage,
  type SnapshotNode,
  type SnapshotTable,
  type TableCell,
  type TableRow,
  type TimelineMarker,
} from "./snapshot";
export { GaugeSeries, MeanSeries, PercentileSeries, RateSeries, type Series, type SeriesPoint } from "./time-series";
export type { DropReason, Message, MessageCounts, MessageKind, NodeGauge, NodeStatus, Timer } from "./types";
export { cacheStampede, canaryRollback, clockSkewLww, consumerGroup, documentedApi, fanOutTail, instanceFailover, orderRaces, partitionChoice, replicaLag, retryStorm, syncVsQueue };
export type { ClockSkewLwwMetrics } from "./scenarios/clock-skew-lww";
export type { PartitionChoiceMetrics } from "./scenarios/partition-choice";
export type { CacheStampedeMetrics } from "./scenarios/cache-stampede";
export type { ConsumerGroupMetrics } from "./scenarios/consumer-group";
export type { DocumentedApiMetrics } from "./scenarios/documented-api";
export type { FanOutMetrics } from "./scenarios/fan-out-tail";
export type { InstanceFailoverMetrics } from "./scenarios/instance-failover";
export type { OrderRacesMetrics } from "./scenarios/order-races";
export type { ReplicaLagMetrics } from "./scenarios/replica-lag";
export type { RetryStormMetrics } from "./scenarios/retry-storm";
export type { SyncVsQueueMetrics } from "./scenarios/sync-vs-queue";

/**
 * Every scenario, keyed by its id (a lesson's demo names one), loaded eagerly: for the build,
 * tests and benchmarks. The browser loads one at a time through loadScenario (catalog.ts).
 * Typed as AnyScenario so one generic demo can run any of them; import a scenario module
 * directly for its exact parameter and metric types.
 */
export const scenarios: Readonly<Record<ScenarioId, AnyScenario>> = {
  "fan-out-tail": fanOutTail,
  "sync-vs-queue": syncVsQueue,
  "replica-lag": replicaLag,
  "retry-storm": retryStorm,
  "instance-failover": instanceFailover,
  "cache-stampede": cacheStampede,
  "partition-choice": partitionChoice,
  "order-races": orderRaces,
  "consumer-group": consumerGroup,
  "canary-rollback": canaryRollback,
  "gateway-checks": gatewayChecks,
  "schema-rollout": schemaRollout,
  "fault-injection": faultInjection,
  "trace-sampling": traceSampling,
  "queueing-and-measurement": queueingAndMeasurement,
  "limits-and-shedding": limitsAndShedding,
  "api-evolution": apiEvolution,
  "contract-tests": contractTests,
  "clock-skew-lww": clockSkewLww,
  "documented-api": documentedApi,
};
