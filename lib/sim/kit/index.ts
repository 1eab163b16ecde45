/**
 * Building blocks for scenarios: the parts most systems in the demos share, so a scenario
 * reads as the system it describes. See docs/simulator.md, "The kit".
 */
export { Arrivals, evenly, poisson, type ArrivalGap, type ArrivalTimer } from "./arrivals";
export { PendingCalls, type CallTimeout } from "./calls";
export { Client, isClientTimer, NO_RETRIES, OK, type Answer, type Attempt, type ClientOptions, type ClientTimer, type RetryRules } from "./client";
export { cell } from "./cells";
export { chart, type ChartLine } from "./charts";
export { errorRatioIn, type ErrorRatio } from "./error-ratio";
export { headline } from "./headlines";
export { scenarioInstance, type InstanceParts } from "./instance";
export { Journal } from "./journal";
export { column, ring, row, spread, type Point } from "./layout";
export { describe, describeSeconds, percent, round, share } from "./numbers";
export { param } from "./params";
export type { SimPort, VirtualClock } from "./port";
export { RequestLedger, type RequestEnd, type RequestLedgerOptions } from "./requests";
export {
  CircuitBreaker,
  exponentialBackoff,
  fullJitterBackoff,
  noBackoff,
  RetryBudget,
  type Backoff,
  type BreakerState,
  type CircuitBreakerSpec,
  type RetryBudgetSpec,
} from "./retry";
export { meanIn, peakIn, sustainedFrom } from "./series";
export { WorkerPool, type Admission, type Served, type WorkerPoolOptions } from "./server";
export { Timeline, timeWindow, type TimeWindow } from "./timeline";
