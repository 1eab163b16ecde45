import { describe, expect, it } from "vitest";
import { runScenario } from "@/lib/sim/runner";
import { consumerGroup } from "@/lib/sim/scenarios/consumer-group";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const AFTER = { commit: "after", idempotent: false, deadLetter: false } as const;
const BEFORE = { commit: "before", idempotent: false, deadLetter: false } as const;
const IDEMPOTENT = { commit: "after", idempotent: true, deadLetter: false } as const;
const FIXED = { commit: "after", idempotent: true, deadLetter: true } as const;
/** About two seconds of one partition's records (50 a second): commits every second, polls every 250 ms. */
const NORMAL_LAG = 100;

describe("consumer-group: 200 records/s over 4 partitions, 3 consumers; consumer 2 crashes mid-batch at 7 s, a poison record at 10 s", () => {
  it("committing after processing loses nothing and applies duplicates after the crash, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(consumerGroup, AFTER, seed);
      const calm = metricsOf(consumerGroup, { ...AFTER, crashAtS: 0 }, seed);
      return {
        ok: m.lost === 0 && m.duplicatesApplied > 0 && m.crashedAtMs !== null && calm.duplicatesApplied === 0 && calm.lost === 0,
        detail: `lost ${m.lost}, duplicates ${m.duplicatesApplied} (without the crash ${calm.duplicatesApplied})`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("committing before processing applies no duplicates and the crash alone loses records, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(consumerGroup, { ...BEFORE, poison: false }, seed);
      const calm = metricsOf(consumerGroup, { ...BEFORE, poison: false, crashAtS: 0 }, seed);
      return {
        ok: m.duplicatesApplied === 0 && m.lost >= 2 && calm.lost === 0,
        detail: `duplicates ${m.duplicatesApplied}, lost ${m.lost} (without the crash ${calm.lost})`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("an idempotent consumer applies no duplicate: it skips exactly the redelivered records the plain one applied twice, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const plain = metricsOf(consumerGroup, AFTER, seed);
      const idempotent = metricsOf(consumerGroup, IDEMPOTENT, seed);
      return {
        ok: idempotent.duplicatesApplied === 0 && idempotent.lost === 0 && idempotent.duplicatesAbsorbed === plain.duplicatesApplied && idempotent.applied === plain.applied,
        detail: `applied twice ${idempotent.duplicatesApplied}, skipped ${idempotent.duplicatesAbsorbed} vs ${plain.duplicatesApplied} applied twice without`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("without a dead-letter queue the poison record's partition ends more than 400 behind while the others stay under 100; with one every partition is under 100 from 5 s after it, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const stuck = metricsOf(consumerGroup, IDEMPOTENT, seed);
      const parked = metricsOf(consumerGroup, FIXED, seed);
      return {
        ok:
          stuck.poisonPartitionLag > 400 &&
          stuck.otherPartitionsLag < NORMAL_LAG &&
          stuck.deadLettered === 0 &&
          parked.maxLagFrom5sAfterPoison < NORMAL_LAG &&
          parked.deadLettered === 1 &&
          parked.lost === 0 &&
          parked.duplicatesApplied === 0,
        detail: `without: poison partition ${stuck.poisonPartitionLag}, others ${stuck.otherPartitionsLag}; with: ${parked.maxLagFrom5sAfterPoison} from 5 s after, ${parked.deadLettered} parked`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("with more consumers than partitions, idle consumers = consumers − partitions (one fewer once consumer 2 dies: an idle one takes its partition, or it was the idle one)", () => {
    for (const [partitions, consumers] of [
      [2, 4],
      [3, 8],
      [1, 2],
    ] as const) {
      const calm = runScenario(consumerGroup, { partitions, consumers, crashAtS: 0 }, 1).metrics;
      expect(calm.idleConsumers).toBe(consumers - partitions);
      const crashed = runScenario(consumerGroup, { partitions, consumers }, 1).metrics;
      expect(crashed.idleConsumers).toBe(consumers - 1 - partitions);
    }
    expect(runScenario(consumerGroup, { partitions: 8, consumers: 3, crashAtS: 0 }, 1).metrics.idleConsumers).toBe(0);
  });

  it("the presets go from the naive commit to the full fix", () => {
    expect(consumerGroup.presets[0]?.params).toEqual(AFTER);
    expect(consumerGroup.presets.at(-1)?.params).toEqual(FIXED);
  });

  it("is deterministic: the same seed gives the same event log and result, another seed another", () => {
    const a = runScenario(consumerGroup, {}, 3, { recordLog: true });
    const b = runScenario(consumerGroup, {}, 3, { recordLog: true });
    const c = runScenario(consumerGroup, {}, 4, { recordLog: true });
    expect(a.eventLogHash).not.toBeNull();
    expect(b.eventLogHash).toBe(a.eventLogHash);
    expect(b.metrics).toEqual(a.metrics);
    expect(c.eventLogHash).not.toBe(a.eventLogHash);
  });
});
