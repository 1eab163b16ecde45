import { describe, expect, it } from "vitest";
import { runScenario, sweepSeeds } from "@/lib/sim/runner";
import { orderRaces } from "@/lib/sim/scenarios/order-races";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const NAIVE = { compareAndSet: false, idempotencyKeys: false };
const CAS = { compareAndSet: true, idempotencyKeys: false };
const KEYS = { compareAndSet: false, idempotencyKeys: true };
const BOTH = { compareAndSet: true, idempotencyKeys: true };
const INITIAL_STOCK = 1000;

describe("order-races: two app instances decrement stock and charge cards; 5% of answers are lost", () => {
  it("without idempotency keys some orders are charged twice, for every seed in 1..50; with keys none is and every acknowledged order is charged exactly once", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const without = metricsOf(orderRaces, NAIVE, seed);
      const withKeys = metricsOf(orderRaces, KEYS, seed);
      return {
        ok:
          without.ordersChargedTwice > 0 &&
          withKeys.ordersChargedTwice === 0 &&
          withKeys.acknowledgedNotChargedOnce === 0 &&
          withKeys.acknowledged > 0 &&
          withKeys.replaysFromKey > 0,
        detail: `charged twice ${without.ordersChargedTwice} → ${withKeys.ordersChargedTwice}; acknowledged not charged once ${withKeys.acknowledgedNotChargedOnce}; replays ${withKeys.replaysFromKey}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("double charges come from retries: with no answer lost, no order is retried or charged twice even without keys", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(orderRaces, { ...NAIVE, replyLoss: 0 }, seed);
      return { ok: m.retries === 0 && m.ordersChargedTwice === 0 && m.lostUpdates > 0, detail: `retries ${m.retries}, charged twice ${m.ordersChargedTwice}, lost ${m.lostUpdates}` };
    });
    expect(failures).toEqual([]);
  });

  it("without compare-and-set stock updates are lost, for every seed in 1..50; with it none are and the conflicts are retried", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const blind = metricsOf(orderRaces, NAIVE, seed);
      const cas = metricsOf(orderRaces, CAS, seed);
      return {
        ok: blind.lostUpdates > 0 && blind.conflictsRetried === 0 && cas.lostUpdates === 0 && cas.conflictsRetried > 0,
        detail: `lost ${blind.lostUpdates} → ${cas.lostUpdates}; conflicts retried ${cas.conflictsRetried}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("with both, the final stock equals the initial stock minus the orders charged, for every seed in 1..50; with either alone it does not", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const both = metricsOf(orderRaces, BOTH, seed);
      const cas = metricsOf(orderRaces, CAS, seed);
      const keys = metricsOf(orderRaces, KEYS, seed);
      return {
        ok:
          both.finalStock === INITIAL_STOCK - both.ordersCharged &&
          both.stockError === 0 &&
          both.repeatedDecrements === 0 &&
          both.ordersCharged > 300 &&
          cas.stockError < 0 &&
          keys.stockError > 0,
        detail: `both: stock ${both.finalStock} for ${both.ordersCharged} charged; stock off by ${cas.stockError} with compare-and-set only, ${keys.stockError} with keys only`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("the seed sweep passes every seed with the fix and fails every seed with no protection", () => {
    const fixed = orderRaces.presets.at(-1);
    const naive = orderRaces.presets[0];
    expect(naive?.id).toBe("naive");
    expect(fixed?.params).toEqual(BOTH);
    const pass = sweepSeeds(orderRaces, fixed?.params ?? {});
    const fail = sweepSeeds(orderRaces, naive?.params ?? {});
    expect(pass.every((v) => v.passed)).toBe(true);
    expect(fail.every((v) => !v.passed)).toBe(true);
    expect(pass).toHaveLength(orderRaces.check?.seeds ?? 0);
  });

  it("the presets between say what each fix leaves undone", () => {
    const [, casOnly, keysOnly] = orderRaces.presets;
    const cas = runScenario(orderRaces, casOnly?.params ?? {}, 1).metrics;
    const keys = runScenario(orderRaces, keysOnly?.params ?? {}, 1).metrics;
    expect(cas.lostUpdates).toBe(0);
    expect(cas.ordersChargedTwice).toBeGreaterThan(0);
    expect(keys.ordersChargedTwice).toBe(0);
    expect(keys.lostUpdates).toBeGreaterThan(0);
  });

  it("is deterministic: the same seed gives the same event log and result, another seed another", () => {
    const a = runScenario(orderRaces, {}, 7, { recordLog: true });
    const b = runScenario(orderRaces, {}, 7, { recordLog: true });
    const c = runScenario(orderRaces, {}, 8, { recordLog: true });
    expect(a.eventLogHash).not.toBeNull();
    expect(b.eventLogHash).toBe(a.eventLogHash);
    expect(b.metrics).toEqual(a.metrics);
    expect(c.eventLogHash).not.toBe(a.eventLogHash);
  });
});
