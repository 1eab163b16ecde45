/**
 * The learner's progress store: zustand with persist, local-first, no account.
 * Two slices (progress facts and the app's notices) are combined once and the middleware is
 * applied once, to the combined store; only the device's state and facts are persisted.
 * Nothing here imports zod: what is read from storage, from another tab or from a file is
 * checked by lib/progress/checks.ts, loaded when first needed (docs/performance.md).
 */
import { create, type StateCreator } from "zustand";
import { persist } from "zustand/middleware";
import { compareTimestamps, observe, type Timestamp, tick, zeroTimestamp } from "./clock";
import { PROGRESS_KEY, PROGRESS_VERSION } from "./format";
import { latestTimestamp, mergeFacts, restampBefore, sameFacts } from "./merge";
import type { StoredState } from "./schema";
import { browserStorage, createProgressStorage, loadProgressChecks, type ProgressStorage, type SetAside } from "./storage";
import { type AssessmentAnswer, emptyFacts, type ProgressFacts, type QuizAttempt, type ReviewEvent } from "./types";

/** The lesson-level registers an action can set: each is a last-writer-wins register per lesson. */
type LessonRegister = "skipped" | "testedOut" | "reviewLessons";

export interface ProgressSlice {
  deviceId: string;
  clock: Timestamp;
  facts: ProgressFacts;
  setItem: (lessonId: string, itemId: string, ticked: boolean) => void;
  setSkipped: (lessonId: string, skipped: boolean) => void;
  recordAttempt: (attempt: Pick<QuizAttempt, "lessonId" | "responses" | "correct" | "total">) => QuizAttempt;
  /** Marks a practice tested out (or takes it back). */
  setTestedOut: (lessonId: string, testedOut: boolean) => void;
  /** Adds every question of a lesson's quiz to spaced review (or takes them back). */
  setReviewLesson: (lessonId: string, review: boolean) => void;
  recordAnswer: (answer: Omit<AssessmentAnswer, "id" | "at">) => AssessmentAnswer;
  recordReview: (event: Omit<ReviewEvent, "id" | "at">) => ReviewEvent;
  /** Merges facts from elsewhere (another tab, an imported file); returns whether anything changed. */
  mergeFrom: (facts: ProgressFacts) => boolean;
  /** Validates a file's text, then merges it; nothing changes unless the whole file is valid. */
  importFile: (text: string) => Promise<{ ok: boolean; message: string }>;
  reset: () => void;
}

export interface NoticeSlice {
  /** Set when stored progress could not be read and was set aside. */
  recovered: SetAside | null;
  /** True once stored progress has been read (or found missing) in the browser. */
  hydrated: boolean;
  /** True when stored progress could not be checked (part of the page did not load): nothing is saved until a read succeeds. */
  unsaved: boolean;
  /** Reads stored progress again (after `unsaved`); what was done meanwhile is merged with it. */
  retryReading: () => Promise<void>;
  dismissRecovered: () => void;
  /** The unreadable data still under the progress key when storage had no room to copy it aside. */
  unreadableProgress: () => string | null;
  /**
   * Deletes that data (after the learner downloaded it, or chose to discard it), lets saving
   * resume and saves this visit's progress at once; false if storage still refuses the write.
   */
  discardUnreadableProgress: () => boolean;
}

export type ProgressStore = ProgressSlice & NoticeSlice;

export interface ProgressDeps {
  storage: () => Storage | undefined;
  now: () => number;
  newId: () => string;
  /** Loads the zod checks; tests replace it to fail or delay. */
  loadChecks?: typeof loadProgressChecks;
}

type Creator<T> = StateCreator<ProgressStore, [["zustand/persist", unknown]], [], T>;

function countFacts(facts: ProgressFacts) {
  const ticks = Object.values(facts.checklist).reduce((n, items) => n + Object.values(items).filter((r) => r.value).length, 0);
  return {
    ticks,
    attempts: Object.keys(facts.attempts).length,
    answers: Object.keys(facts.answers).length,
    reviews: Object.keys(facts.reviews).length,
  };
}

const progressSlice =
  ({ now, newId }: ProgressDeps): Creator<ProgressSlice> =>
  (set, get) => {
    // Each action sets its new timestamp and the facts it stamps in one update, so each
    // change is one persisted write and one storage event in other tabs.
    const next = () => tick(get().clock, now());
    const setRegister = (name: LessonRegister, lessonId: string, value: boolean) => {
      const at = next();
      const { facts } = get();
      set({ clock: at, facts: { ...facts, [name]: { ...facts[name], [lessonId]: { value, at } } } });
    };
    const deviceId = newId();
    return {
      deviceId,
      clock: zeroTimestamp(deviceId),
      facts: emptyFacts(),
      setItem(lessonId, itemId, ticked) {
        const at = next();
        const { facts } = get();
        const items = { ...facts.checklist[lessonId], [itemId]: { value: ticked, at } };
        set({ clock: at, facts: { ...facts, checklist: { ...facts.checklist, [lessonId]: items } } });
      },
      setSkipped: (lessonId, skipped) => setRegister("skipped", lessonId, skipped),
      setTestedOut: (lessonId, testedOut) => setRegister("testedOut", lessonId, testedOut),
      setReviewLesson: (lessonId, review) => setRegister("reviewLessons", lessonId, review),
      recordAttempt(result) {
        const attempt: QuizAttempt = { ...result, id: newId(), at: next() };
        const { facts } = get();
        set({ clock: attempt.at, facts: { ...facts, attempts: { ...facts.attempts, [attempt.id]: attempt } } });
        return attempt;
      },
      recordAnswer(given) {
        const answer: AssessmentAnswer = { ...given, id: newId(), at: next() };
        const { facts } = get();
        set({ clock: answer.at, facts: { ...facts, answers: { ...facts.answers, [answer.id]: answer } } });
        return answer;
      },
      recordReview(given) {
        const event: ReviewEvent = { ...given, id: newId(), at: next() };
        const { facts } = get();
        set({ clock: event.at, facts: { ...facts, reviews: { ...facts.reviews, [event.id]: event } } });
        return event;
      },
      mergeFrom(incoming) {
        const { facts, clock } = get();
        const merged = mergeFacts(facts, incoming);
        const seen = latestTimestamp(incoming);
        if (sameFacts(merged, facts)) return false;
        set({ facts: merged, clock: seen ? observe(clock, seen, now()) : clock });
        return true;
      },
      async importFile(text) {
        let checks: Awaited<ReturnType<typeof loadProgressChecks>>;
        try {
          checks = await loadProgressChecks();
        } catch {
          return { ok: false, message: "The file could not be checked: part of this page did not load (are you offline?). Reload and try again. Nothing was changed." };
        }
        const parsed = checks.parseImport(text);
        if (!parsed.ok) return { ok: false, message: parsed.message };
        const before = countFacts(get().facts);
        const { resetAt } = get().facts;
        let clock = get().clock;
        const incoming = resetAt ? restampBefore(parsed.facts, resetAt, () => (clock = tick(clock, now()))) : parsed.facts;
        set({ clock });
        const changed = get().mergeFrom(incoming);
        if (!changed) return { ok: true, message: "Imported: everything in the file was already here, so nothing changed." };
        const after = countFacts(get().facts);
        const assessed = after.answers - before.answers;
        const reviewed = after.reviews - before.reviews;
        const more = assessed || reviewed ? `, ${assessed} self-assessment answers and ${reviewed} reviews added` : "";
        return {
          ok: true,
          message: `Imported and merged: ${after.ticks - before.ticks} more checklist items ticked, ${after.attempts - before.attempts} quiz attempts added${more}. Nothing was overwritten.`,
        };
      },
      reset() {
        const at = next();
        set({ clock: at, facts: mergeFacts(get().facts, { ...emptyFacts(), resetAt: at }) });
      },
    };
  };

const noticeSlice =
  (storage: ProgressStorage): Creator<NoticeSlice> =>
  (set, _get, api) => ({
    recovered: null,
    hydrated: false,
    unsaved: false,
    retryReading: () => api.persist.rehydrate(),
    dismissRecovered: () => set({ recovered: null }),
    unreadableProgress: () => storage.unreadable(PROGRESS_KEY),
    discardUnreadableProgress() {
      storage.discardUnreadable(PROGRESS_KEY);
      set({ recovered: null }); // persist saves on every update: this one writes the current progress
      return !storage.lastWriteFailed();
    },
  });

/**
 * How a read from storage joins the store. Reading waits for the checks to load, so a learner
 * may tick an item before the first read ends: on that first read (or the retry of one that could
 * not load its checks) the stored facts and those early ones are merged (the device keeps its stored id), so neither is lost. Every later read
 * (another account's progress after a sign-out elsewhere) takes the stored state as it is.
 */
function keepEarlyFacts(stored: StoredState | undefined, current: ProgressStore, now: number): ProgressStore {
  if (!stored) return current;
  const early = (!current.hydrated || current.unsaved) && compareTimestamps(current.clock, zeroTimestamp(current.deviceId)) !== 0;
  if (!early) return { ...current, ...stored };
  return { ...current, ...stored, facts: mergeFacts(stored.facts, current.facts), clock: observe(stored.clock, current.clock, now) };
}

export function createProgressStore(deps: ProgressDeps) {
  // The storage reports set-aside data to the store it belongs to, created just below.
  let report: (info: SetAside) => void = () => {};
  const storage = createProgressStorage(deps.storage, (info) => report(info), deps.now, deps.loadChecks);
  const store = create<ProgressStore>()(
    persist(
      (...a) => ({ ...progressSlice(deps)(...a), ...noticeSlice(storage)(...a) }),
      {
        name: PROGRESS_KEY,
        version: PROGRESS_VERSION,
        storage,
        skipHydration: true,
        partialize: (s): StoredState => ({ deviceId: s.deviceId, clock: s.clock, facts: s.facts }),
        migrate: async (persisted, version) => {
          const { migrateStoredState } = await loadProgressChecks();
          const result = migrateStoredState(persisted, version);
          if (!result.ok) throw new Error(result.reason);
          return result.state as unknown as ProgressStore;
        },
        merge: (persisted, current) => keepEarlyFacts(persisted as StoredState | undefined, current, deps.now()),
        // Also saves: the first save after a read (saves wait while one is under way).
        onRehydrateStorage: () => () => store.setState({ hydrated: true, unsaved: storage.checksMissing() }),
      },
    ),
  );
  report = (info) => store.setState({ recovered: info });
  return store;
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

/** The app's one progress store. Read it from client components only, selecting the smallest slice needed. */
export const useProgress = createProgressStore({ storage: browserStorage, now: Date.now, newId: randomId });

/** Merges what another tab saved; the storage event fires in every other tab of this origin. */
export function listenToOtherTabs(store: typeof useProgress): () => void {
  const onStorage = (event: StorageEvent) => {
    const raw = event.newValue;
    if (event.key !== PROGRESS_KEY || raw === null) return;
    // Merges commute, so saves that are checked out of order still converge.
    void loadProgressChecks().then(({ readOtherTabSave }) => {
      const read = readOtherTabSave(raw);
      if (read) store.getState().mergeFrom(read.facts);
    });
  };
  window.addEventListener("storage", onStorage);
  return () => window.removeEventListener("storage", onStorage);
}
