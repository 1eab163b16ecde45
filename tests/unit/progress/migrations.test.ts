import { readFileSync } from "node:fs";
import * as z from "zod/mini";
import { PROGRESS_VERSION } from "@/lib/progress/format";
import { migrateStoredState, validateAtVersion } from "@/lib/progress/migrations";
import { lessonStatus } from "@/lib/progress/status";
import { emptyFacts } from "@/lib/progress/types";

/**
 * Real version 1 states, written by the version 1 store (commit cc8fd82) through its own
 * actions: ticks, an untick, a quiz attempt, a skip; and a state after a reset.
 */
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/progress-v1/${name}`, "utf8"));
const storedV1 = fixture("stored.json");
const resetV1 = fixture("stored-after-reset.json");

const v1 = { deviceId: "device-a", clock: { wall: 5, counter: 0, device: "device-a" }, facts: { checklist: {}, skipped: {}, attempts: {}, resetAt: null } };
const v2 = { ...v1, facts: emptyFacts() };

describe("stored progress versions", () => {
  it("accepts the current version as it is", () => {
    expect(PROGRESS_VERSION).toBe(2);
    expect(migrateStoredState(v2, 2)).toEqual({ ok: true, state: v2 });
  });

  it("migrates real version 1 states to version 2: every fact kept, nothing assessed or reviewed yet", () => {
    for (const envelope of [storedV1, resetV1]) {
      expect(envelope.version).toBe(1);
      const result = migrateStoredState(envelope.state, 1);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const { facts, ...device } = result.state;
      const { facts: old, ...oldDevice } = envelope.state;
      expect(device).toEqual(oldDevice);
      expect(facts).toEqual({ ...old, testedOut: {}, reviewLessons: {}, answers: {}, reviews: {} });
      expect(validateAtVersion(result.state, 2).ok).toBe(true);
    }
    const migrated = migrateStoredState(storedV1.state, 1);
    if (!migrated.ok) throw new Error(migrated.reason);
    const lesson = { id: "system-architecture", checklistIds: ["draw-request-path", "name-failure-domains", "x"], hasQuiz: true };
    expect(lessonStatus(migrated.state.facts, lesson)).toBe("in-progress");
    expect(lessonStatus(migrated.state.facts, { id: "service-discovery", checklistIds: ["x"], hasQuiz: true })).toBe("skipped");
    const reset = migrateStoredState(resetV1.state, 1);
    expect(reset.ok && reset.state.facts.resetAt).toEqual(resetV1.state.facts.resetAt);
  });

  it("refuses a version 1 state that is not valid version 1, and a version 2 state without the new facts", () => {
    const broken = { ...storedV1.state, facts: { ...storedV1.state.facts, attempts: { "not an id!": {} } } };
    expect(migrateStoredState(broken, 1).ok).toBe(false);
    const result = validateAtVersion(storedV1.state, 2);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("it is not valid progress (facts.testedOut") });
  });

  it("refuses a version newer than this build, saying so", () => {
    const result = validateAtVersion(v2, 3);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("newer version of Quorum (format 3") });
  });

  it("refuses an unknown old version and invalid data, naming the field", () => {
    expect(validateAtVersion(v1, 0)).toEqual({ ok: false, reason: "format 0 is not one this version of Quorum knows" });
    const bad = { ...v1, facts: { ...v1.facts, checklist: { "fault-tolerance": { a: { value: "yes" } } } } };
    const result = validateAtVersion(bad, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain("facts.checklist.fault-tolerance.a");
  });

  it("drops keys that could pollute prototypes", () => {
    const bad = JSON.parse(`{"deviceId":"d","clock":{"wall":0,"counter":0,"device":"d"},"facts":{"checklist":{"__proto__":{}},"skipped":{},"attempts":{},"resetAt":null}}`);
    const result = validateAtVersion(bad, 1);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.getOwnPropertyNames((result.value as typeof v1).facts.checklist)).toEqual([]);
  });

  it("runs each migration in turn, validating every step", () => {
    // A made-up history: v1 stored a list of ticked ids, v2 a record, v3 adds a device name.
    const schemas = {
      1: z.object({ ticked: z.array(z.string()) }),
      2: z.object({ ticked: z.record(z.string(), z.boolean()) }),
      3: z.object({ ticked: z.record(z.string(), z.boolean()), device: z.string() }),
    };
    const migrations = [
      { from: 1, up: (s: unknown) => ({ ticked: Object.fromEntries((s as { ticked: string[] }).ticked.map((id) => [id, true])) }) },
      { from: 2, up: (s: unknown) => ({ ...(s as object), device: "unknown" }) },
    ];
    const result = migrateStoredState({ ticked: ["a", "b"] }, 1, { current: 3, schemas, migrations });
    expect(result).toEqual({ ok: true, state: { ticked: { a: true, b: true }, device: "unknown" } });

    const broken = [{ from: 1, up: () => ({ ticked: "oops" }) }, migrations[1]!];
    const failed = migrateStoredState({ ticked: ["a"] }, 1, { current: 3, schemas, migrations: broken });
    expect(failed.ok).toBe(false);
    const missing = migrateStoredState({ ticked: ["a"] }, 1, { current: 3, schemas, migrations: [migrations[1]!] });
    expect(missing).toEqual({ ok: false, reason: "no migration from format 1" });
  });
});
