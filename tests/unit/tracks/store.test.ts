import { FOLLOWING_KEY, followedIds } from "@/lib/tracks/following";
import { readStoredFollowing } from "@/lib/tracks/read-following";
import { createFollowingStore } from "@/lib/tracks/store";
import { MapStorage } from "@/tests/fixtures/storage";


function setup(storage = new MapStorage()) {
  let now = 1_000;
  const store = createFollowingStore({ storage: () => storage, now: () => now });
  return { store, storage, advance: (ms: number) => (now += ms) };
}

describe("the store of followed tracks", () => {
  it("follows with the start time, persists it under its own key, and stops following", async () => {
    const { store, storage, advance } = setup();
    await store.persist.rehydrate();
    store.getState().follow("on-call-ready");
    advance(500);
    store.getState().follow("on-call-ready"); // following again keeps the first start
    store.getState().follow("first-two-weeks");
    expect(JSON.parse(storage.getItem(FOLLOWING_KEY)!)).toEqual({
      version: 1,
      state: { following: { "on-call-ready": { startedAt: 1000 }, "first-two-weeks": { startedAt: 1500 } } },
    });
    const again = setup(storage);
    await again.store.persist.rehydrate();
    expect(again.store.getState()).toMatchObject({ hydrated: true, following: { "on-call-ready": { startedAt: 1000 } } });
    again.store.getState().unfollow("on-call-ready");
    expect(JSON.parse(storage.getItem(FOLLOWING_KEY)!).state.following).toEqual({ "first-two-weeks": { startedAt: 1500 } });
  });

  it.each([
    ["{not json", "it is not valid JSON"],
    [JSON.stringify({ following: {} }), "it has no version number"],
    [JSON.stringify({ version: 2, state: { following: {} } }), "it is in format 2, and this version of Quorum reads format 1"],
    [JSON.stringify({ version: 1, state: { following: { "Bad Id": { startedAt: 1 } } } }), "it is not a valid list of followed tracks (following.Bad Id: Invalid input)"],
    [JSON.stringify({ version: 1, state: { following: { x: { startedAt: -5 } } } }), "it is not a valid list of followed tracks (following.x.startedAt: Invalid input)"],
  ])("sets aside %s under a backup key, says why, and starts empty", async (raw, reason) => {
    const storage = new MapStorage();
    storage.setItem(FOLLOWING_KEY, raw);
    const { store } = setup(storage);
    await store.persist.rehydrate();
    expect(store.getState()).toMatchObject({ hydrated: true, following: {}, recovered: { backupKey: `${FOLLOWING_KEY}.backup.1000`, reason } });
    expect(storage.getItem(`${FOLLOWING_KEY}.backup.1000`)).toBe(raw);
    // The bad copy is only under the backup key now; the key itself holds valid (empty) state.
    expect(readStoredFollowing(storage.getItem(FOLLOWING_KEY)).kind).not.toBe("bad");
    store.getState().follow("on-call-ready");
    expect(readStoredFollowing(storage.getItem(FOLLOWING_KEY))).toEqual({ kind: "ok", state: { following: { "on-call-ready": { startedAt: 1000 } } } });
  });

  it("keeps a track followed while the stored ones were still being read, and writes nothing meanwhile", async () => {
    const storage = new MapStorage();
    const raw = JSON.stringify({ version: 1, state: { following: { "on-call-ready": { startedAt: 5 } } } });
    storage.setItem(FOLLOWING_KEY, raw);
    const { store } = setup(storage);
    const reading = store.persist.rehydrate();
    store.getState().follow("first-two-weeks");
    expect(storage.getItem(FOLLOWING_KEY)).toBe(raw);
    await reading;
    const both = { "on-call-ready": { startedAt: 5 }, "first-two-weeks": { startedAt: 1000 } };
    expect(store.getState()).toMatchObject({ hydrated: true, following: both });
    expect(JSON.parse(storage.getItem(FOLLOWING_KEY)!).state.following).toEqual(both);
  });

  it("takes another tab's stored tracks as they are once it has read them", async () => {
    const storage = new MapStorage();
    const { store } = setup(storage);
    await store.persist.rehydrate();
    store.getState().follow("first-two-weeks");
    storage.setItem(FOLLOWING_KEY, JSON.stringify({ version: 1, state: { following: { "on-call-ready": { startedAt: 5 } } } }));
    await store.persist.rehydrate();
    expect(store.getState().following).toEqual({ "on-call-ready": { startedAt: 5 } });
  });

  it("says when its checks did not load, saves nothing over the stored tracks, and a retry keeps what was followed meanwhile", async () => {
    const storage = new MapStorage();
    const raw = JSON.stringify({ version: 1, state: { following: { "on-call-ready": { startedAt: 5 } } } });
    storage.setItem(FOLLOWING_KEY, raw);
    let online = false;
    const loadChecks = vi.fn(() => (online ? import("@/lib/tracks/read-following") : Promise.reject(new Error("Failed to load chunk"))));
    const store = createFollowingStore({ storage: () => storage, now: () => 1_000, loadChecks });
    await store.persist.rehydrate();
    expect(store.getState()).toMatchObject({ hydrated: true, unsaved: true, recovered: null, following: {} });
    store.getState().follow("first-two-weeks");
    expect(storage.getItem(FOLLOWING_KEY)).toBe(raw); // not saved over what could not be checked

    await store.getState().retryReading();
    expect(store.getState().unsaved).toBe(true); // still offline: still nothing saved
    expect(storage.getItem(FOLLOWING_KEY)).toBe(raw);

    online = true;
    await store.getState().retryReading();
    const both = { "on-call-ready": { startedAt: 5 }, "first-two-weeks": { startedAt: 1000 } };
    expect(store.getState()).toMatchObject({ unsaved: false, following: both });
    expect(JSON.parse(storage.getItem(FOLLOWING_KEY)!).state.following).toEqual(both);
    expect(loadChecks).toHaveBeenCalledTimes(3);
  });

  it("lists followed tracks that still exist, most recently started first", () => {
    const state = { following: { a: { startedAt: 5 }, gone: { startedAt: 9 }, b: { startedAt: 7 } } };
    expect(followedIds(state, new Set(["a", "b"]))).toEqual(["b", "a"]);
  });
});
