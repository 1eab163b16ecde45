import { createProgressStore } from "@/lib/progress/store";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { memoryFor, readSyncRecord, SYNC_KEY, takeUnsent, UNSENT_PREFIX, writeSyncRecord } from "@/lib/sync/memory";
import { claimProgress, type OwnedStore, releaseProgress } from "@/lib/sync/ownership";
import { MapStorage } from "@/tests/fixtures/storage";

function browser() {
  const storage = new MapStorage();
  let n = 0;
  const progress = createProgressStore({ storage: () => storage, now: () => 1_000, newId: () => `device-${++n}` });
  const store: OwnedStore = {
    getFacts: () => progress.getState().facts,
    getDeviceId: () => progress.getState().deviceId,
    mergeFrom: (f) => {
      progress.getState().mergeFrom(f);
    },
    replaceFacts: (f) => progress.setState({ facts: f }),
  };
  const ticked = () => Object.keys(progress.getState().facts.checklist.testing ?? {}).sort();
  return { storage, progress, store, ticked };
}

const synced = { cursor: 12, ackedThrough: { wall: 1_000, counter: 0, device: "device-1" }, lastSyncedAt: 5 };

describe("whose progress this browser holds", () => {
  it("gives anonymous progress to the first account that signs in, to be pushed in full", () => {
    const { storage, progress, store, ticked } = browser();
    progress.getState().setItem("testing", "anonymous", true);
    expect(claimProgress(storage, store, "ann")).toEqual({ cursor: null, ackedThrough: null, lastSyncedAt: null });
    expect(ticked()).toEqual(["anonymous"]);
    expect(readSyncRecord(storage)?.account).toBe("ann");
  });

  it("picks up where the same account left off, unless the progress store was started afresh", () => {
    const { storage, store } = browser();
    writeSyncRecord(storage, "ann", store.getDeviceId(), synced);
    expect(claimProgress(storage, store, "ann")).toEqual(synced);
    expect(memoryFor(readSyncRecord(storage), "ann", "another-device")).toEqual({ cursor: null, ackedThrough: null, lastSyncedAt: null });
  });

  it("never hands one account's progress to another; the first gets it back when they return", () => {
    const { storage, progress, store, ticked } = browser();
    claimProgress(storage, store, "ann");
    progress.getState().setItem("testing", "ann-tick", true);

    // Ann's session ended without signing out here (expired, or signed out everywhere); Bob signs in.
    claimProgress(storage, store, "bob");
    expect(ticked()).toEqual([]);
    progress.getState().setItem("testing", "bob-tick", true);
    expect(readSyncRecord(storage)?.account).toBe("bob");

    claimProgress(storage, store, "ann");
    expect(ticked()).toEqual(["ann-tick"]);
    expect(storage.getItem(UNSENT_PREFIX + "ann")).toBeNull();
    expect(takeUnsent(storage, "bob", false)?.checklist.testing?.["bob-tick"]?.value).toBe(true);
  });

  it("on signing out empties the browser of the account's progress, keeping aside only what could not be sent", () => {
    const { storage, progress, store, ticked } = browser();
    claimProgress(storage, store, "ann");
    progress.getState().setItem("testing", "sent", true);
    releaseProgress(storage, store, "ann", true);
    expect(ticked()).toEqual([]);
    expect(storage.getItem(SYNC_KEY)).toBeNull();
    expect(storage.getItem(UNSENT_PREFIX + "ann")).toBeNull();

    claimProgress(storage, store, "ann");
    progress.getState().setItem("testing", "unsent", true);
    releaseProgress(storage, store, "ann", false);
    expect(ticked()).toEqual([]);
    // Anonymous work after signing out is nobody's until someone signs in.
    progress.getState().setItem("testing", "anonymous", true);
    claimProgress(storage, store, "ann");
    expect(ticked()).toEqual(["anonymous", "unsent"]);
  });

  it("treats an unreadable record as absent and leaves unreadable kept-aside facts where they are", () => {
    const { storage, store } = browser();
    storage.setItem(SYNC_KEY, "{not json");
    expect(readSyncRecord(storage)).toBeNull();
    storage.setItem(SYNC_KEY, JSON.stringify({ version: 1, account: "ann" }));
    expect(readSyncRecord(storage)).toBeNull();
    storage.setItem(UNSENT_PREFIX + "ann", JSON.stringify({ checklist: 5 }));
    expect(claimProgress(storage, store, "ann").cursor).toBeNull();
    expect(storage.getItem(UNSENT_PREFIX + "ann")).toBe(JSON.stringify({ checklist: 5 }));
  });

  it("merges what an account left aside twice", () => {
    const { storage, progress, store, ticked } = browser();
    const first: ProgressFacts = { ...emptyFacts(), checklist: { testing: { one: { value: true, at: { wall: 1, counter: 0, device: "x" } } } } };
    claimProgress(storage, store, "ann");
    progress.getState().mergeFrom(first);
    releaseProgress(storage, store, "ann", false);
    claimProgress(storage, store, "bob");
    releaseProgress(storage, store, "bob", true);
    storage.setItem(SYNC_KEY, JSON.stringify({ version: 1, account: "ann", deviceId: store.getDeviceId(), cursor: null, ackedThrough: null, lastSyncedAt: null }));
    progress.getState().setItem("testing", "two", true);
    releaseProgress(storage, store, "ann", false);
    claimProgress(storage, store, "ann");
    expect(ticked()).toEqual(["one", "two"]);
  });
});
