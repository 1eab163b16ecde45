/**
 * The store of followed built-in tracks: zustand with persist under its own key, apart from
 * the progress store. Like progress, it hydrates only in the browser after mount, and data
 * it cannot read is copied to a backup key and reported, never lost and never a crash.
 * Reading loads its checks (read-following.ts, zod) only when something is stored; nothing
 * is written while a read is under way, and tracks followed meanwhile are kept. When the
 * checks cannot be loaded (offline), `unsaved` says so and nothing is saved until
 * `retryReading` reads the stored tracks, keeping what was followed meanwhile.
 */
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { browserStorage, type CheckedStorage, createCheckedStorage } from "@/lib/progress/storage";
import { emptyFollowing, FOLLOWING_KEY, FOLLOWING_VERSION, type FollowingState } from "./following";

export interface FollowingStore extends FollowingState {
  /** True once stored state has been read (or found missing) in the browser. */
  hydrated: boolean;
  /** Set when stored state could not be read and was set aside. */
  recovered: { backupKey: string; reason: string } | null;
  /** True when the stored tracks could not be checked (part of the page did not load): nothing is saved until a read succeeds. */
  unsaved: boolean;
  /** Reads the stored tracks again (after `unsaved`); tracks followed meanwhile are kept. */
  retryReading: () => Promise<void>;
  follow: (trackId: string) => void;
  unfollow: (trackId: string) => void;
  dismissRecovered: () => void;
}

/** The zod checks, loaded the first time something stored has to be read. */
const loadFollowingChecks = () => import("./read-following");

export interface FollowingDeps {
  storage: () => Storage | undefined;
  now: () => number;
  /** Loads the zod checks; tests replace it to fail or delay. */
  loadChecks?: typeof loadFollowingChecks;
}

/** Stored followed tracks, checked by read-following.ts (the progress store's checked storage, with these checks). */
function followingStorage(deps: FollowingDeps, onSetAside: (info: { backupKey: string; reason: string }) => void): CheckedStorage<FollowingState> {
  const loadChecks = deps.loadChecks ?? loadFollowingChecks;
  return createCheckedStorage<FollowingState>(
    deps.storage,
    async () => {
      const { readStoredFollowing } = await loadChecks();
      return (raw) => {
        const read = readStoredFollowing(raw);
        return read.kind === "ok" ? { kind: "ok", value: { state: read.state, version: FOLLOWING_VERSION } } : read;
      };
    },
    ({ backupKey, reason, leftInPlace }) => onSetAside({ backupKey, reason: leftInPlace ? `${reason}; storage is full, so it was left in place` : reason }),
    deps.now,
  );
}

export function createFollowingStore(deps: FollowingDeps) {
  let report: (info: { backupKey: string; reason: string }) => void = () => {};
  const storage = followingStorage(deps, (info) => report(info));
  const store = create<FollowingStore>()(
    persist(
      (set, get, api) => ({
        ...emptyFollowing(),
        hydrated: false,
        recovered: null,
        unsaved: false,
        retryReading: () => api.persist.rehydrate(),
        follow(trackId) {
          if (get().following[trackId]) return;
          set({ following: { ...get().following, [trackId]: { startedAt: deps.now() } } });
        },
        unfollow(trackId) {
          const { [trackId]: _gone, ...rest } = get().following;
          set({ following: rest });
        },
        dismissRecovered: () => set({ recovered: null }),
      }),
      {
        name: FOLLOWING_KEY,
        version: FOLLOWING_VERSION,
        storage,
        skipHydration: true,
        partialize: (s): FollowingState => ({ following: s.following }),
        // On the first read (or the retry of one whose checks did not load), tracks followed
        // while it was under way are kept (the stored start wins); later reads take what is stored.
        merge: (persisted, current) => {
          const stored = persisted as FollowingState | undefined;
          if (!stored) return current;
          const early = !current.hydrated || current.unsaved;
          return { ...current, following: early ? { ...current.following, ...stored.following } : stored.following };
        },
        // Also saves: the first save after a read (saves wait while one is under way).
        onRehydrateStorage: () => () => store.setState({ hydrated: true, unsaved: storage.checksMissing() }),
      },
    ),
  );
  report = (info) => store.setState({ recovered: info });
  return store;
}

/** The app's one store of followed tracks. Client components only. */
export const useFollowing = createFollowingStore({ storage: browserStorage, now: () => Date.now() });

let started = false;

/**
 * Reads the stored tracks once per page, and follows other tabs' changes (another tab's
 * follow or stop arrives through the storage event and is read, validated, and taken).
 */
export function startFollowingSync(store: typeof useFollowing = useFollowing): void {
  if (started || typeof window === "undefined") return;
  started = true;
  void store.persist.rehydrate();
  window.addEventListener("storage", (event) => {
    if (event.key === FOLLOWING_KEY) void store.persist.rehydrate();
  });
}
