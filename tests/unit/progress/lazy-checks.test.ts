/**
 * The checks that need zod load on demand (lib/progress/checks.ts), so reading stored
 * progress is asynchronous. These tests hold the guarantees that must survive that: nothing
 * is written while a read is under way, what a learner does meanwhile is kept, and progress
 * that could not be checked is never overwritten.
 */
import { PROGRESS_KEY, PROGRESS_VERSION } from "@/lib/progress/format";
import { createProgressStorage, loadProgressChecks, type SetAside } from "@/lib/progress/storage";
import { createProgressStore } from "@/lib/progress/store";
import { emptyFacts } from "@/lib/progress/types";
import { MapStorage } from "@/tests/fixtures/storage";

const at = (wall: number, device = "stored-device") => ({ wall, counter: 0, device });

/** A valid stored state whose device ticked one item of the fault-tolerance lesson. */
function storedWithTick(item: string, wall = 500) {
  const facts = { ...emptyFacts(), checklist: { "fault-tolerance": { [item]: { value: true, at: at(wall) } } } };
  return JSON.stringify({ state: { deviceId: "stored-device", clock: at(wall), facts }, version: PROGRESS_VERSION });
}

function setup(storage: Storage) {
  let n = 0;
  return createProgressStore({ storage: () => storage, now: () => 1_000, newId: () => `fresh-device-${++n}` });
}

/** A loader that hands out the real checks only when the test says so. */
function gatedChecks() {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  const load = vi.fn(async () => {
    await gate;
    return loadProgressChecks();
  });
  return { load, open: () => open() };
}

describe("reading stored progress with checks loaded on demand", () => {
  it("does not load the checks when nothing is stored", async () => {
    const checks = gatedChecks();
    const persist = createProgressStorage(() => new MapStorage(), () => {}, Date.now, checks.load);
    expect(await persist.getItem(PROGRESS_KEY)).toBeNull();
    expect(checks.load).not.toHaveBeenCalled();
  });

  it("writes nothing while a read is under way, and saves again once it is done", async () => {
    const storage = new MapStorage();
    const raw = storedWithTick("a");
    storage.setItem(PROGRESS_KEY, raw);
    const checks = gatedChecks();
    const persist = createProgressStorage(() => storage, () => {}, Date.now, checks.load);
    const reading = persist.getItem(PROGRESS_KEY);
    persist.setItem(PROGRESS_KEY, { state: { deviceId: "x", clock: at(1, "x"), facts: emptyFacts() }, version: PROGRESS_VERSION });
    expect(storage.getItem(PROGRESS_KEY)).toBe(raw);
    checks.open();
    expect((await reading)?.state.facts.checklist["fault-tolerance"]?.a?.value).toBe(true);
    persist.setItem(PROGRESS_KEY, { state: { deviceId: "x", clock: at(1, "x"), facts: emptyFacts() }, version: PROGRESS_VERSION });
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).state.deviceId).toBe("x");
  });

  it("never overwrites stored progress it could not check because the checks failed to load", async () => {
    const storage = new MapStorage();
    const raw = storedWithTick("a");
    storage.setItem(PROGRESS_KEY, raw);
    const reports: SetAside[] = [];
    const offline = () => Promise.reject(new Error("Failed to load chunk"));
    const persist = createProgressStorage(() => storage, (r) => reports.push(r), Date.now, offline);
    await expect(persist.getItem(PROGRESS_KEY)).rejects.toThrow("Failed to load chunk");
    persist.setItem(PROGRESS_KEY, { state: { deviceId: "x", clock: at(1, "x"), facts: emptyFacts() }, version: PROGRESS_VERSION });
    expect(storage.getItem(PROGRESS_KEY)).toBe(raw);
    expect(reports).toEqual([]);
  });

  it("keeps what the learner ticked before the first read ended, merged with what was stored", async () => {
    const storage = new MapStorage();
    const raw = storedWithTick("a");
    storage.setItem(PROGRESS_KEY, raw);
    const store = setup(storage);
    const hydrating = store.persist.rehydrate();
    store.getState().setItem("fault-tolerance", "b", true);
    expect(storage.getItem(PROGRESS_KEY)).toBe(raw); // the early tick did not overwrite the stored progress
    await hydrating;

    const { facts, deviceId, clock, hydrated } = store.getState();
    expect(hydrated).toBe(true);
    expect(deviceId).toBe("stored-device");
    expect(facts.checklist["fault-tolerance"]?.a?.value).toBe(true);
    expect(facts.checklist["fault-tolerance"]?.b?.value).toBe(true);
    // The clock is past both and stays the stored device's.
    expect(clock).toEqual({ wall: 1_000, counter: 1, device: "stored-device" });
    const saved = JSON.parse(storage.getItem(PROGRESS_KEY)!);
    expect(Object.keys(saved.state.facts.checklist["fault-tolerance"]).sort()).toEqual(["a", "b"]);
  });

  it("says when the checks did not load, and a retry merges what was done meanwhile and saves again", async () => {
    const storage = new MapStorage();
    const raw = storedWithTick("a");
    storage.setItem(PROGRESS_KEY, raw);
    let online = false;
    const loadChecks = vi.fn(() => (online ? loadProgressChecks() : Promise.reject(new Error("Failed to load chunk"))));
    const store = createProgressStore({ storage: () => storage, now: () => 1_000, newId: () => "fresh-device", loadChecks });
    await store.persist.rehydrate();
    expect(store.getState()).toMatchObject({ hydrated: true, unsaved: true });
    store.getState().setItem("fault-tolerance", "b", true);
    expect(storage.getItem(PROGRESS_KEY)).toBe(raw); // not saved over what could not be checked

    await store.getState().retryReading();
    expect(store.getState().unsaved).toBe(true); // still offline: still nothing saved
    expect(storage.getItem(PROGRESS_KEY)).toBe(raw);

    online = true;
    await store.getState().retryReading();
    expect(store.getState().unsaved).toBe(false);
    expect(Object.keys(store.getState().facts.checklist["fault-tolerance"]!).sort()).toEqual(["a", "b"]);
    const saved = JSON.parse(storage.getItem(PROGRESS_KEY)!);
    expect(Object.keys(saved.state.facts.checklist["fault-tolerance"]).sort()).toEqual(["a", "b"]);
  });

  it("takes the stored state as it is on every later read (another tab signed out)", async () => {
    const storage = new MapStorage();
    storage.setItem(PROGRESS_KEY, storedWithTick("a"));
    const store = setup(storage);
    await store.persist.rehydrate();
    store.getState().setItem("fault-tolerance", "b", true);
    storage.setItem(PROGRESS_KEY, storedWithTick("c", 2_000));
    await store.persist.rehydrate();
    expect(Object.keys(store.getState().facts.checklist["fault-tolerance"]!)).toEqual(["c"]);
  });

  it("validates an imported file before it changes anything, with the checks loaded on demand", async () => {
    const store = setup(new MapStorage());
    store.getState().setItem("fault-tolerance", "a", true);
    const before = store.getState().facts;
    const damaged = JSON.stringify({ format: "quorum-progress", version: 2, exportedAt: "x", facts: { ...emptyFacts(), checklist: { "fault-tolerance": { b: { value: "yes" } } } } });
    const result = await store.getState().importFile(damaged);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^This progress file is damaged at facts\.checklist\.fault-tolerance\.b\.value: .*Nothing was changed\.$/) });
    expect(store.getState().facts).toBe(before);
  });
});
