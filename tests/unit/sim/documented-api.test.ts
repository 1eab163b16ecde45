import { describe, expect, it } from "vitest";
import { runScenario } from "@/lib/sim/runner";
import { documentedApi } from "@/lib/sim/scenarios/documented-api";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const NAIVE = { errorModel: false, retryAfter: false, idempotencyKeys: false, runbook: false } as const;
const ALL = { errorModel: true, retryAfter: true, idempotencyKeys: true, runbook: true } as const;

describe("documented-api: payments fail half the orders with a 503 from 5 s, behind a 150 req/s limit", () => {
  it("without idempotency keys some order is written twice, with them none, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const without = metricsOf(documentedApi, { ...ALL, idempotencyKeys: false }, seed);
      const naive = metricsOf(documentedApi, NAIVE, seed);
      const keys = metricsOf(documentedApi, { ...NAIVE, idempotencyKeys: true }, seed);
      return {
        ok: without.duplicates > 0 && naive.duplicates > 0 && keys.duplicates === 0,
        detail: `duplicates: naive ${naive.duplicates}, documented without keys ${without.duplicates}, naive with keys ${keys.duplicates}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("a documented error model and Retry-After cut the peak load in the incident by more than half, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const naive = metricsOf(documentedApi, NAIVE, seed);
      const polite = metricsOf(documentedApi, { ...NAIVE, errorModel: true, retryAfter: true }, seed);
      return {
        ok: polite.peakLoadPerSecond < 0.5 * naive.peakLoadPerSecond && naive.rateLimited > 0,
        detail: `peak req/s: naive ${naive.peakLoadPerSecond}, documented ${polite.peakLoadPerSecond}; 429s naive ${naive.rateLimited}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("the runbook shortens the time to mitigate from 8 s to 3 s", () => {
    expect(metricsOf(documentedApi, NAIVE, 1).timeToMitigateMs).toBe(8000);
    expect(metricsOf(documentedApi, { ...NAIVE, runbook: true }, 1).timeToMitigateMs).toBe(3000);
    expect(metricsOf(documentedApi, { ...NAIVE, incidentS: 2 }, 1).timeToMitigateMs).toBe(2000);
  });

  it("with every fact documented no order is duplicated and failures fall below a tenth of the undocumented run's, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const naive = metricsOf(documentedApi, NAIVE, seed);
      const fixed = metricsOf(documentedApi, ALL, seed);
      return {
        ok: fixed.duplicates === 0 && naive.failed > 10 && fixed.failed < 0.1 * naive.failed,
        detail: `failed: naive ${naive.failed}, fixed ${fixed.failed}; duplicates fixed ${fixed.duplicates}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("without an incident nothing fails or is duplicated", () => {
    const calm = metricsOf(documentedApi, { ...NAIVE, incidentS: 0 }, 1);
    expect(calm.duplicates).toBe(0);
    expect(calm.failed).toBe(0);
    expect(calm.rateLimited).toBe(0);
  });

  it("is deterministic, and the presets are naive to fixed", () => {
    const a = runScenario(documentedApi, NAIVE, 7);
    const b = runScenario(documentedApi, NAIVE, 7);
    expect(JSON.stringify(a.metrics)).toBe(JSON.stringify(b.metrics));
    expect(documentedApi.presets.map((p) => p.id)).toEqual(["naive", "errors", "keys", "fixed"]);
    expect(documentedApi.presets[0]?.params).toEqual(NAIVE);
    expect(documentedApi.presets[3]?.params).toEqual(ALL);
    const naive = metricsOf(documentedApi, NAIVE, 1);
    const fixed = metricsOf(documentedApi, ALL, 1);
    expect(naive.duplicates).toBeGreaterThan(0);
    expect(fixed.duplicates).toBe(0);
    expect(fixed.timeToMitigateMs).toBeLessThan(naive.timeToMitigateMs);
  });
});
