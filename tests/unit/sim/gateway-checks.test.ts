import { describe, expect, it } from "vitest";
import { runScenario } from "@/lib/sim/runner";
import { gatewayChecks, type GatewayChecksMetrics } from "@/lib/sim/scenarios/gateway-checks";
import { metricsOf, seedsWhereClaimFails } from "./seeds";

const NONE = { algAllowList: false, audienceExpiry: false, objectAuth: false, rateLimit: false };
const preset = (id: string): Record<string, number | boolean | string> => {
  const found = gatewayChecks.presets.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  return { ...NONE, ...found.params };
};
type AttackCount = "algNoneSucceeded" | "wrongAudienceSucceeded" | "expiredSucceeded" | "bolaSucceeded";
const ATTACK_COUNTS: readonly AttackCount[] = ["algNoneSucceeded", "wrongAudienceSucceeded", "expiredSucceeded", "bolaSucceeded"];

/** Each check, on its own, and the attacks it is meant to stop. */
const CHECKS: readonly { check: keyof typeof NONE; stops: readonly AttackCount[] }[] = [
  { check: "algAllowList", stops: ["algNoneSucceeded"] },
  { check: "audienceExpiry", stops: ["wrongAudienceSucceeded", "expiredSucceeded"] },
  { check: "objectAuth", stops: ["bolaSucceeded"] },
];

describe("gateway-checks: an attacker reads other users' orders four ways", () => {
  it("with no checks every attack succeeds and leaks hundreds of orders, while no honest request is refused, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(gatewayChecks, NONE, seed);
      return {
        ok: ATTACK_COUNTS.every((k) => m[k] > 100) && m.recordsLeaked > 600 && m.attackSucceeded === m.attackRequests && m.honestRefused === 0,
        detail: `${ATTACK_COUNTS.map((k) => `${k} ${m[k]}`).join(", ")}, leaked ${m.recordsLeaked}, honest refused ${m.honestRefused}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it.each(CHECKS)("$check alone brings its own attacks' successes to 0 and leaves the other attacks' successes unchanged, for every seed in 1..50", ({ check, stops }) => {
    const failures = seedsWhereClaimFails((seed) => {
      const without = metricsOf(gatewayChecks, NONE, seed);
      const withCheck = metricsOf(gatewayChecks, { ...NONE, [check]: true }, seed);
      const ok = ATTACK_COUNTS.every((k) => (stops.includes(k) ? withCheck[k] === 0 : withCheck[k] === without[k])) && withCheck.honestRefused === 0;
      return { ok, detail: ATTACK_COUNTS.map((k) => `${k} ${without[k]} → ${withCheck[k]}`).join(", ") };
    });
    expect(failures).toEqual([]);
  });

  it("a rate limit alone slows the leak but does not stop it: more than 0 and under 20% of the unchecked run's leaked orders, every attack still succeeding, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const without = metricsOf(gatewayChecks, NONE, seed);
      const limited = metricsOf(gatewayChecks, preset("rate-limit"), seed);
      return {
        ok: limited.recordsLeaked > 0 && limited.recordsLeaked < 0.2 * without.recordsLeaked && ATTACK_COUNTS.every((k) => limited[k] > 0) && limited.honestRefused === 0,
        detail: `leaked ${limited.recordsLeaked} of ${without.recordsLeaked}, honest refused ${limited.honestRefused}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("token validation stops every forged or replayed token but not BOLA, which the attacker's own valid token still gets through, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const without = metricsOf(gatewayChecks, NONE, seed);
      const m = metricsOf(gatewayChecks, preset("token-validation"), seed);
      return {
        ok: m.algNoneSucceeded + m.wrongAudienceSucceeded + m.expiredSucceeded === 0 && m.bolaSucceeded === without.bolaSucceeded && m.bolaSucceeded > 0,
        detail: `stopped by token checks ${m.stoppedByTokenChecks}, BOLA ${m.bolaSucceeded}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("the full fix (token validation and object-level authorization) leaks nothing and refuses no honest request, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(gatewayChecks, preset("fixed"), seed);
      return {
        ok: m.attackSucceeded === 0 && m.recordsLeaked === 0 && m.honestRefused === 0 && m.stoppedByService > 0 && m.stoppedByTokenChecks > 0,
        detail: `attacks succeeded ${m.attackSucceeded}, honest refused ${m.honestRefused}`,
      };
    });
    expect(failures).toEqual([]);
  });

  it("a rate limit tight enough to hurt the attacker (1 request a second) refuses honest users too, for every seed in 1..50", () => {
    const failures = seedsWhereClaimFails((seed) => {
      const m = metricsOf(gatewayChecks, { ...NONE, rateLimit: true, rateLimitPerS: 1 }, seed);
      return { ok: m.honestRefused > 0 && m.attackSucceeded < 50, detail: `honest refused ${m.honestRefused}, attacks succeeded ${m.attackSucceeded}` };
    });
    expect(failures).toEqual([]);
  });

  it("each attack alone is stopped by exactly its check: a single-attack mix sends only that attack", () => {
    const m: GatewayChecksMetrics = metricsOf(gatewayChecks, { ...NONE, attackMix: "bola" }, 1);
    expect(m.bolaSucceeded).toBe(m.attackRequests);
    expect(m.algNoneSucceeded + m.wrongAudienceSucceeded + m.expiredSucceeded).toBe(0);
    expect(metricsOf(gatewayChecks, { ...preset("token-validation"), attackMix: "bola" }, 1).attackSucceeded).toBe(m.attackRequests);
  });

  it("accounts for every attacker request: each one succeeded or was stopped by exactly one check, for every preset", () => {
    for (const id of ["naive", "rate-limit", "token-validation", "fixed"]) {
      const m = metricsOf(gatewayChecks, preset(id), 3);
      expect(m.attackRequests).toBeGreaterThan(500);
      expect(m.attackSucceeded + m.stoppedByRateLimit + m.stoppedByTokenChecks + m.stoppedByService).toBe(m.attackRequests);
    }
  });

  it("is deterministic: the same seed and parameters give the same event log hash and result", () => {
    const a = runScenario(gatewayChecks, preset("token-validation"), 7, { recordLog: true });
    const b = runScenario(gatewayChecks, preset("token-validation"), 7, { recordLog: true });
    expect(a.eventLogHash).toBe(b.eventLogHash);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(runScenario(gatewayChecks, preset("token-validation"), 8, { recordLog: true }).eventLogHash).not.toBe(a.eventLogHash);
  });

  it("has the naive preset first and the full fix last", () => {
    expect(gatewayChecks.presets.map((p) => p.id)).toEqual(["naive", "rate-limit", "token-validation", "fixed"]);
  });
});
