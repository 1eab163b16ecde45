/** The progress store as the sync engine sees it: its facts, clock and device, a merge, a subscription. */
import type { StoreApi } from "zustand";
import type { ProgressStore } from "@/lib/progress/store";
import type { SyncedStore } from "./engine";

export function adaptProgressStore(store: Pick<StoreApi<ProgressStore>, "getState" | "subscribe">): SyncedStore {
  return {
    getFacts: () => store.getState().facts,
    getClock: () => store.getState().clock,
    getDeviceId: () => store.getState().deviceId,
    mergeFrom: (facts) => {
      store.getState().mergeFrom(facts);
    },
    subscribe: (listener) =>
      store.subscribe((state, previous) => {
        if (state.facts !== previous.facts) listener(state.facts, previous.facts);
      }),
  };
}
