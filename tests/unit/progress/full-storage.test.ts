import { PROGRESS_KEY } from "@/lib/progress/format";
import { createProgressStorage, type SetAside } from "@/lib/progress/storage";
import { createProgressStore } from "@/lib/progress/store";
import { emptyFacts } from "@/lib/progress/types";
import { MapStorage } from "@/tests/fixtures/storage";


const garbage = `{not json ${"x".repeat(2000)}`;
const stored = (facts = emptyFacts()) => ({ state: { deviceId: "d", clock: { wall: 1, counter: 0, device: "d" }, facts }, version: 1 });

/** Storage holding unreadable progress, with no room left for a copy of it. */
function fullOfGarbage(extraRoom = 0) {
  const storage = new MapStorage(PROGRESS_KEY.length + garbage.length + extraRoom);
  storage.setItem(PROGRESS_KEY, garbage);
  return storage;
}

describe("progress storage when storage is full", () => {
  it("leaves unreadable data in place, says so, and saves nothing over it", async () => {
    const storage = fullOfGarbage();
    const reports: SetAside[] = [];
    const persist = createProgressStorage(() => storage, (r) => reports.push(r), () => 42);
    expect(await persist.getItem(PROGRESS_KEY)).toBeNull();
    expect(reports).toEqual([{ backupKey: PROGRESS_KEY, reason: "it is not valid JSON", leftInPlace: true }]);
    persist.setItem(PROGRESS_KEY, stored());
    expect(storage.getItem(PROGRESS_KEY)).toBe(garbage);
    expect(persist.unreadable(PROGRESS_KEY)).toBe(garbage);
  });

  it("deletes the unreadable data only when asked, and then saves again", async () => {
    const storage = fullOfGarbage();
    const persist = createProgressStorage(() => storage, () => {});
    await persist.getItem(PROGRESS_KEY);
    persist.discardUnreadable(PROGRESS_KEY);
    expect(storage.getItem(PROGRESS_KEY)).toBeNull();
    expect(persist.unreadable(PROGRESS_KEY)).toBeNull();
    persist.setItem(PROGRESS_KEY, stored());
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!)).toEqual(stored());
    expect(persist.lastWriteFailed()).toBe(false);
  });

  it("has nothing to offer or discard when the bad data could be copied aside", async () => {
    const storage = new MapStorage(100_000);
    storage.setItem(PROGRESS_KEY, garbage);
    const reports: SetAside[] = [];
    const persist = createProgressStorage(() => storage, (r) => reports.push(r), () => 7);
    await persist.getItem(PROGRESS_KEY);
    expect(reports).toEqual([{ backupKey: `${PROGRESS_KEY}.backup.7`, reason: "it is not valid JSON" }]);
    expect(persist.unreadable(PROGRESS_KEY)).toBeNull();
    persist.discardUnreadable(PROGRESS_KEY); // a no-op: it must not touch what is stored
    expect(storage.getItem(`${PROGRESS_KEY}.backup.7`)).toBe(garbage);
  });

  it("reports a write that storage refuses", () => {
    const storage = new MapStorage(10);
    const persist = createProgressStorage(() => storage, () => {});
    persist.setItem(PROGRESS_KEY, stored());
    expect(persist.lastWriteFailed()).toBe(true);
  });
});

describe("the store's way out of full storage", () => {
  function setup(storage: Storage) {
    let n = 0;
    return createProgressStore({ storage: () => storage, now: () => 5_000, newId: () => `device-a-id-${++n}` });
  }

  it("keeps what was ticked meanwhile and saves it once the learner frees the space", async () => {
    const storage = fullOfGarbage();
    const store = setup(storage);
    await store.persist.rehydrate();
    expect(store.getState().recovered?.leftInPlace).toBe(true);
    store.getState().setItem("fault-tolerance", "a", true);
    expect(storage.getItem(PROGRESS_KEY)).toBe(garbage); // nothing written over it yet
    expect(store.getState().unreadableProgress()).toBe(garbage);

    expect(store.getState().discardUnreadableProgress()).toBe(true);
    expect(store.getState().recovered).toBeNull();
    const saved = JSON.parse(storage.getItem(PROGRESS_KEY)!);
    expect(saved.state.facts.checklist["fault-tolerance"].a.value).toBe(true);

    // And later ticks are saved as usual.
    store.getState().setItem("fault-tolerance", "b", true);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).state.facts.checklist["fault-tolerance"].b.value).toBe(true);
  });

  it("says so when storage still refuses to save after the data is gone", async () => {
    const storage = fullOfGarbage();
    const store = setup(storage);
    await store.persist.rehydrate();
    // Something else fills the room the unreadable data leaves.
    storage.removeItem(PROGRESS_KEY);
    storage.setItem("another-app", "y".repeat(PROGRESS_KEY.length + garbage.length - "another-app".length));
    expect(store.getState().discardUnreadableProgress()).toBe(false);
  });
});
