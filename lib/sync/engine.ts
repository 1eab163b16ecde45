/**
 * The client's sync engine: pure logic with everything it touches injected (transport,
 * timers, randomness, the progress store, persistence), so tests drive it with fake time and
 * a simulated network. lib/sync/browser.ts wires it to fetch, window events and localStorage.
 *
 * When it syncs: shortly after a change (debounced), on focus and when the network returns,
 * periodically while the tab is visible, and again after a failure with capped exponential
 * backoff and full jitter (or after Retry-After). One request in flight per engine, so per tab.
 *
 * What it pushes, the one rule: a request carries every fact stamped after the watermark,
 * which is the store's clock when the last acknowledged round began (null at the start of a
 * tab: everything). A fact that enters the store other than from a server answer (another
 * tab's merge, an import) with a timestamp at or before the watermark clears it, so the next
 * round pushes everything again. Facts merged from an answer are already on the server.
 */
import { laterOf, type Timestamp } from "@/lib/progress/clock";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { DEFAULT_BACKOFF, parseRetryAfter, retryDelay, type BackoffOptions } from "./backoff";
import { arrivedAtOrBefore, countEntriesAfter, factsAfter, splitFacts } from "./entries";
import {
  buildSyncRequest,
  MAX_SYNC_REQUEST_BYTES,
  problemSchema,
  SYNC_PROBLEMS,
  type SyncAnswer,
  syncAnswerSchema,
  type SyncRequest,
} from "./protocol";
import type { SyncStatus } from "./status";

/** The part of the progress store the engine uses. */
export interface SyncedStore {
  getFacts(): ProgressFacts;
  getClock(): Timestamp;
  getDeviceId(): string;
  mergeFrom(facts: ProgressFacts): void;
  /** Calls back after every change of the facts, with the facts before it. */
  subscribe(listener: (next: ProgressFacts, prev: ProgressFacts) => void): () => void;
}

export type TransportResult = { kind: "answer"; status: number; body: unknown; retryAfter: string | null } | { kind: "network-error" };

/** Sends one request. May reject (treated as a network error); should stop when the signal aborts. */
export type Transport = (request: SyncRequest, signal: AbortSignal) => Promise<TransportResult>;

export interface Timers {
  now(): number;
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** What the engine keeps between page loads (lib/sync/memory.ts stores it). */
export interface SyncMemory {
  /** The highest server seq this browser's facts have merged; null: never synced. */
  cursor: number | null;
  /** The store's clock at the last acknowledged round: facts after it are counted as waiting. */
  ackedThrough: Timestamp | null;
  lastSyncedAt: number | null;
}

export type StopReason = "signed-out" | "account-changed";

export interface EngineOptions {
  debounceMs: number;
  /** A stream of changes still syncs at least this often. */
  maxWaitMs: number;
  periodMs: number;
  /** Focus or a tab becoming visible syncs, unless the last sync is more recent than this. */
  focusCooldownMs: number;
  timeoutMs: number;
  backoff: BackoffOptions;
  maxRequestBytes: number;
  /** Rounds of `more` answers one sync may take before it gives up (a server that never stops). */
  maxPages: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  debounceMs: 1_500,
  maxWaitMs: 5_000,
  periodMs: 30_000,
  focusCooldownMs: 5_000,
  timeoutMs: 20_000,
  backoff: DEFAULT_BACKOFF,
  maxRequestBytes: MAX_SYNC_REQUEST_BYTES,
  maxPages: 1_000,
};

export interface EngineDeps {
  account: string;
  store: SyncedStore;
  transport: Transport;
  timers: Timers;
  random: () => number;
  isOnline: () => boolean;
  isVisible: () => boolean;
  memory: SyncMemory;
  saveMemory: (memory: SyncMemory) => void;
  onStatus: (status: SyncStatus) => void;
  onStop?: (reason: StopReason) => void;
  options?: Partial<EngineOptions>;
}

export interface SyncEngine {
  start(): void;
  stop(): void;
  /** The browser says the network is back: sync now, whatever the backoff. */
  online(): void;
  offline(): void;
  focus(): void;
  visibility(visible: boolean): void;
  /** Syncs now (waiting for a round in flight first); resolves true when everything was acknowledged. */
  flush(): Promise<boolean>;
  status(): SyncStatus;
  /** Facts stamped after the last acknowledged round. */
  pending(): number;
}

/** Room left in a request for everything around the facts (format, account, device, cursor). */
const ENVELOPE_BYTES = 1_024;
/** Below this, a 413 is not a matter of size any more. */
const MIN_REQUEST_BYTES = 8 * 1_024;

type Failure =
  | { kind: "network" }
  | { kind: "retry"; problem: string; retryAfterMs: number | null }
  | { kind: "fatal"; problem: string }
  | { kind: "too-large" }
  | { kind: "unknown-cursor" }
  | { kind: "stop"; reason: StopReason }
  | { kind: "abandoned" };

type Sent = { ok: true; answer: SyncAnswer } | { ok: false; failure: Failure };

type TimerReason = "soon" | "debounce" | "periodic" | "retry";

export function createSyncEngine(deps: EngineDeps): SyncEngine {
  const o = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
  const { store, timers } = deps;
  let memory: SyncMemory = { ...deps.memory };

  let started = false;
  let stopped = false;
  let watermark: Timestamp | null = null;
  let maxRequestBytes = o.maxRequestBytes;
  let failures = 0;
  let unsendable = 0;
  let status: SyncStatus = { kind: "signed-out" };
  let timer: { handle: unknown; at: number; reason: TimerReason } | null = null;
  let firstChangeAt: number | null = null;
  let unsubscribe = () => {};

  /** The round in flight: its clock, how to cancel it, and what happened meanwhile. */
  let flight: {
    clock: Timestamp;
    controller: AbortController;
    done: Promise<boolean>;
    /** A fact arrived from elsewhere at or before `clock`: the next push is a full one. */
    invalidated: boolean;
    /** The facts changed other than by this round's own merges. */
    changed: boolean;
    /** A sync was asked for while this one ran. */
    again: boolean;
  } | null = null;
  /** True while the engine merges an answer, so its own merge is not taken for a foreign one. */
  let merging = false;

  const pending = () => countEntriesAfter(store.getFacts(), memory.ackedThrough);

  function publish(next: SyncStatus) {
    status = next;
    deps.onStatus(next);
  }

  function clearTimer() {
    if (timer) timers.clear(timer.handle);
    timer = null;
  }

  function setTimer(at: number, reason: TimerReason) {
    clearTimer();
    const handle = timers.set(() => {
      timer = null;
      void run();
    }, Math.max(0, at - timers.now()));
    timer = { handle, at, reason };
  }

  function save() {
    deps.saveMemory({ ...memory });
  }

  function waitOffline() {
    clearTimer();
    publish({ kind: "offline", pending: pending(), retryAt: null });
  }

  /** A change to sync: soon, but after a pause in a burst of changes (never later than maxWait after the first). */
  function scheduleDebounced() {
    if (stopped || !started) return;
    if (!deps.isOnline()) return waitOffline();
    if (timer?.reason === "retry") {
      // Backing off: the change waits for the retry, and the words say how many wait.
      if (status.kind === "offline" || status.kind === "error") publish({ ...status, pending: pending() });
      return;
    }
    const now = timers.now();
    firstChangeAt ??= now;
    const at = Math.min(now + o.debounceMs, firstChangeAt + o.maxWaitMs);
    if (timer?.reason === "soon" && timer.at <= at) return;
    setTimer(at, "debounce");
    publish({ kind: "syncing" });
  }

  function scheduleSoon() {
    if (stopped || !started || flight || timer?.reason === "retry") return;
    // Switching windows back and forth should not be a request each time.
    const last = memory.lastSyncedAt;
    if (last !== null && timers.now() - last < o.focusCooldownMs && status.kind === "synced") return;
    if (!deps.isOnline()) return waitOffline();
    if (timer && timer.at <= timers.now()) return;
    setTimer(timers.now(), "soon");
  }

  function onFactsChanged(next: ProgressFacts, prev: ProgressFacts) {
    if (merging || stopped || !started) return;
    // A foreign fact at or before what the last (or the current) round covers would never be
    // pushed by the watermark rule: push everything next time.
    const covered = flight ? flight.clock : watermark;
    if (covered !== null && arrivedAtOrBefore(prev, next, covered).length > 0) {
      watermark = null;
      if (flight) flight.invalidated = true;
    }
    if (flight) {
      flight.changed = true;
      return;
    }
    scheduleDebounced();
  }

  async function send(facts: ProgressFacts, controller: AbortController): Promise<Sent> {
    const request = buildSyncRequest({ account: deps.account, deviceId: store.getDeviceId(), cursor: memory.cursor, facts });
    // The timeout wins the race even against a transport that ignores the abort; an answer
    // arriving after it is dropped (the next round asks again, and merging twice is harmless).
    let timeout: unknown;
    const timedOut = new Promise<TransportResult>((resolve) => {
      timeout = timers.set(() => {
        controller.abort();
        resolve({ kind: "network-error" });
      }, o.timeoutMs);
    });
    const sending = deps.transport(request, controller.signal).catch((): TransportResult => ({ kind: "network-error" }));
    const result = await Promise.race([sending, timedOut]);
    timers.clear(timeout);
    if (stopped) return { ok: false, failure: { kind: "abandoned" } };
    if (result.kind === "network-error") return { ok: false, failure: { kind: "network" } };
    return interpret(result);
  }

  function interpret(result: Extract<TransportResult, { kind: "answer" }>): Sent {
    const { status: code } = result;
    if (code === 200) {
      const answer = syncAnswerSchema.safeParse(result.body);
      if (answer.success) return { ok: true, answer: answer.data };
      return { ok: false, failure: { kind: "retry", problem: "the server's answer could not be read", retryAfterMs: null } };
    }
    const problem = problemSchema.safeParse(result.body);
    const type = problem.success ? problem.data.type : null;
    const retryAfterMs = parseRetryAfter(result.retryAfter, timers.now());
    const fail = (failure: Failure): Sent => ({ ok: false, failure });
    if (code === 401) return fail({ kind: "stop", reason: "signed-out" });
    if (code === 409 && type === SYNC_PROBLEMS.accountMismatch.type) return fail({ kind: "stop", reason: "account-changed" });
    if (code === 409 && type === SYNC_PROBLEMS.unknownCursor.type) return fail({ kind: "unknown-cursor" });
    if (code === 413) return fail({ kind: "too-large" });
    if (type === SYNC_PROBLEMS.formatUnsupported.type) {
      return fail({ kind: "fatal", problem: "Quorum has been updated: reload the page to sync" });
    }
    if (code === 429) return fail({ kind: "retry", problem: "the server asked to slow down", retryAfterMs });
    if (code === 503) return fail({ kind: "retry", problem: "the server is busy", retryAfterMs });
    if (code === 404) return fail({ kind: "retry", problem: "this server does not offer sync", retryAfterMs });
    if (code >= 500) return fail({ kind: "retry", problem: "the server had a problem", retryAfterMs });
    const detail = problem.success ? problem.data.title.toLowerCase() : `status ${code}`;
    return fail({ kind: "retry", problem: `the server refused the sync (${detail})`, retryAfterMs });
  }

  function mergeAnswer(answer: SyncAnswer) {
    merging = true;
    try {
      store.mergeFrom(answer.facts);
    } finally {
      merging = false;
    }
    memory = { ...memory, cursor: answer.cursor };
    save();
  }

  /** One sync: push what the server may lack, in pieces if need be, and read pages until nothing more. */
  async function round(): Promise<boolean> {
    clearTimer();
    firstChangeAt = null;
    const controller = new AbortController();
    const clock = store.getClock();
    const push = factsAfter(store.getFacts(), watermark);
    let resolve: (ok: boolean) => void = () => {};
    const done = new Promise<boolean>((r) => (resolve = r));
    flight = { clock, controller, done, invalidated: false, changed: false, again: false };
    publish({ kind: "syncing" });

    const { pieces, tooLarge } = splitFacts(push, maxRequestBytes - ENVELOPE_BYTES);
    let failure: Failure | null = null;
    // Every piece is a complete sync request of its own; after the last, ask for pages while the server says `more`.
    for (let i = 0; ; ) {
      const sent = await send(pieces[i] ?? emptyFacts(), controller);
      if (!sent.ok) {
        failure = sent.failure;
        break;
      }
      mergeAnswer(sent.answer);
      i++;
      if (i >= pieces.length && !sent.answer.more) break;
      if (i >= pieces.length + o.maxPages) {
        failure = { kind: "retry", problem: "the server kept sending more", retryAfterMs: null };
        break;
      }
    }

    const ended = flight;
    flight = null;
    if (failure === null) succeed(ended, tooLarge.length);
    else fail(failure);
    const ok = failure === null;
    resolve(ok);
    return ok;
  }

  function succeed(ended: NonNullable<typeof flight>, skipped: number) {
    failures = 0;
    unsendable = skipped;
    // Without other changes meanwhile, the store now holds what it pushed and what the server
    // answered, all on the server: the watermark moves past all of it (answers are not sent
    // back). A change during the round moves it only to where the round began.
    const covered = ended.changed ? ended.clock : store.getClock();
    if (!ended.invalidated) watermark = covered;
    const acked = memory.ackedThrough ? laterOf(memory.ackedThrough, covered) : covered;
    memory = { ...memory, ackedThrough: acked, lastSyncedAt: timers.now() };
    save();
    if (ended.changed || ended.invalidated) {
      scheduleDebounced();
      return;
    }
    if (ended.again) {
      setTimer(timers.now(), "soon");
      return;
    }
    if (unsendable > 0) {
      const problem = `${unsendable === 1 ? "one fact is" : `${unsendable} facts are`} too large to send; everything else is synced`;
      publish({ kind: "error", problem, pending: pending(), retryAt: null });
    } else {
      publish({ kind: "synced", at: timers.now() });
    }
    if (deps.isVisible()) setTimer(timers.now() + o.periodMs, "periodic");
  }

  function retryIn(ms: number, words: (retryAt: number) => SyncStatus) {
    const at = timers.now() + ms;
    setTimer(at, "retry");
    publish(words(at));
  }

  function fail(failure: Failure) {
    switch (failure.kind) {
      case "abandoned":
        return;
      case "stop":
        stopEngine();
        publish({ kind: "signed-out" });
        deps.onStop?.(failure.reason);
        return;
      case "fatal":
        clearTimer();
        publish({ kind: "error", problem: failure.problem, pending: pending(), retryAt: null });
        return;
      case "too-large":
        maxRequestBytes = Math.floor(maxRequestBytes / 2);
        if (maxRequestBytes >= MIN_REQUEST_BYTES) {
          setTimer(timers.now(), "soon");
          return;
        }
        maxRequestBytes = o.maxRequestBytes;
        failures++;
        retryIn(retryDelay(failures - 1, null, deps.random, o.backoff), (retryAt) => ({
          kind: "error",
          problem: "the server refused even a small request as too large",
          pending: pending(),
          retryAt,
        }));
        return;
      case "unknown-cursor":
        // The server's history is not the one this browser followed: start again from nothing.
        memory = { ...memory, cursor: null };
        watermark = null;
        save();
        failures++;
        retryIn(failures === 1 ? 0 : retryDelay(failures - 1, null, deps.random, o.backoff), () => ({ kind: "syncing" }));
        return;
      case "network":
        failures++;
        if (!deps.isOnline()) return waitOffline();
        retryIn(retryDelay(failures - 1, null, deps.random, o.backoff), (retryAt) => ({ kind: "offline", pending: pending(), retryAt }));
        return;
      case "retry":
        failures++;
        retryIn(retryDelay(failures - 1, failure.retryAfterMs, deps.random, o.backoff), (retryAt) => ({
          kind: "error",
          problem: failure.problem,
          pending: pending(),
          retryAt,
        }));
        return;
    }
  }

  async function run(): Promise<boolean> {
    if (stopped || !started) return false;
    if (flight) {
      flight.again = true;
      return flight.done;
    }
    if (!deps.isOnline()) {
      waitOffline();
      return false;
    }
    return round();
  }

  function stopEngine() {
    stopped = true;
    clearTimer();
    unsubscribe();
    flight?.controller.abort();
  }

  return {
    start() {
      if (started || stopped) return;
      started = true;
      unsubscribe = store.subscribe(onFactsChanged);
      if (!deps.isOnline()) return waitOffline();
      publish({ kind: "syncing" });
      setTimer(timers.now(), "soon");
    },
    stop() {
      stopEngine();
      publish({ kind: "signed-out" });
    },
    online() {
      if (stopped || !started) return;
      failures = 0;
      clearTimer();
      setTimer(timers.now(), "soon");
    },
    offline() {
      if (stopped || !started) return;
      if (!flight) waitOffline();
    },
    focus: scheduleSoon,
    visibility(visible) {
      if (visible) return scheduleSoon();
      if (timer?.reason === "periodic") clearTimer();
    },
    async flush() {
      if (stopped || !started) return false;
      while (flight) await flight.done;
      if (stopped || !deps.isOnline()) return false;
      return round();
    },
    status: () => status,
    pending,
  };
}

