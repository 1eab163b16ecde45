/**
 * The store of followed built-in tracks: zustand with persist under its own key, apart from
 * the progress store. Like progress, it hydrates only in the browser after mount, and data
 * it cannot read is copied to a backup key and reported, never lost and never a crash.
 * Reading loads its checks (read-following.ts, zod) only when something is stored; nothing
 * is written while a read is under way, and tracks followed meanwhile are kept.
 */
import { create } from "zustand";
import { persist, type PersistStorage } from "zustand/middleware";
import { emptyFollowing, FOLLOWING_KEY, FOLLOWING_VERSION, type FollowingState } from "./following";

export interface FollowingStore extends FollowingState {
  /** True once stored state has been read (or found missing) in the browser. */
  hydrated: boolean;
  /** Set when stored state could not be read and was set aside. */
  recovered: { backupKey: string; reason: string } | null;
  follow: (trackId: string) => void;
  unfollow: (trackId: string) => void;
  dismissRecovered: () => void;
}

export interface FollowingDeps {
  storage: () => Storage | undefined;
  now: () => number;
}

/** The zod checks, loaded the first time something stored has to be read. */
const loadChecks = () => import("./read-following");

function followingStorage(deps: FollowingDeps, onSetAside: (info: { backupKey: string; reason: string }) => void): PersistStorage<FollowingState> {
  let writesBlocked = false;
  let reading = 0;
  return {
    async getItem(name) {
      const storage = deps.storage();
      if (!storage) return null;
      let raw: string | null;
      try {
        raw = storage.getItem(name);
      } catch {
        return null;
      }
      if (raw === null) return null;
      reading++;
      let checks: Awaited<ReturnType<typeof loadChecks>>;
      try {
        checks = await loadChecks();
      } catch (error) {
        // Could not check it (offline): keep it as it is rather than save over it.
        writesBlocked = true;
        throw error;
      } finally {
        reading--;
      }
      const read = checks.readStoredFollowing(raw);
      if (read.kind === "ok") return { state: read.state, version: FOLLOWING_VERSION };
      if (read.kind === "bad") {
        const backupKey = `${name}.backup.${deps.now()}`;
        try {
          storage.setItem(backupKey, raw);
          storage.removeItem(name);
          onSetAside({ backupKey, reason: read.reason });
        } catch {
          // Storage is full: keep the original where it is rather than overwrite it.
          writesBlocked = true;
          onSetAside({ backupKey: name, reason: `${read.reason}; storage is full, so it was left in place` });
        }
      }
      return null;
    },
    setItem(name, value) {
      if (writesBlocked || reading > 0) return;
      try {
        deps.storage()?.setItem(name, JSON.stringify(value));
      } catch {
        // Quota exceeded or storage disabled: following lasts for this visit only.
      }
    },
    removeItem(name) {
      deps.storage()?.removeItem(name);
    },
  };
}

export function createFollowingStore(deps: FollowingDeps) {
  let report: (info: { backupKey: string; reason: string }) => void = () => {};
  const store = create<FollowingStore>()(
    persist(
      (set, get) => ({
        ...emptyFollowing(),
        hydrated: false,
        recovered: null,
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
        storage: followingStorage(deps, (info) => report(info)),
        skipHydration: true,
        partialize: (s): FollowingState => ({ following: s.following }),
        // On the first read, tracks followed while it was under way are kept (the stored start wins).
        merge: (persisted, current) => {
          const stored = persisted as FollowingState | undefined;
          if (!stored) return current;
          return { ...current, following: current.hydrated ? stored.following : { ...current.following, ...stored.following } };
        },
        // Also saves: the first save after a read (saves wait while one is under way).
        onRehydrateStorage: () => () => store.setState({ hydrated: true }),
      },
    ),
  );
  report = (info) => store.setState({ recovered: info });
  return store;
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
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
