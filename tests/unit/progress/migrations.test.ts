import * as z from "zod/mini";
import { migrateStoredState, PROGRESS_VERSION, validateAtVersion } from "@/lib/progress/migrations";
import { emptyFacts } from "@/lib/progress/types";

const v1 = { deviceId: "device-a", clock: { wall: 5, counter: 0, device: "device-a" }, facts: emptyFacts() };

describe("stored progress versions", () => {
  it("accepts the current version as it is", () => {
    expect(PROGRESS_VERSION).toBe(1);
    expect(migrateStoredState(v1, 1)).toEqual({ ok: true, state: v1 });
  });

  it("refuses a version newer than this build, saying so", () => {
    const result = validateAtVersion(v1, 2);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining("newer version of Quorum (format 2") });
  });

  it("refuses an unknown old version and invalid data, naming the field", () => {
    expect(validateAtVersion(v1, 0)).toEqual({ ok: false, reason: "format 0 is not one this version of Quorum knows" });
    const bad = { ...v1, facts: { ...emptyFacts(), checklist: { "fault-tolerance": { a: { value: "yes" } } } } };
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
