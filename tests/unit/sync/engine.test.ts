import { emptyFacts } from "@/lib/progress/types";
import { entryId, factsToEntries } from "@/lib/sync/entries";
import type { SyncMemory, Timers, Transport, TransportResult } from "@/lib/sync/engine";
import { SYNC_PROBLEMS, type SyncRequest } from "@/lib/sync/protocol";
import { describeSyncStatus } from "@/lib/sync/status";
import { createDevice, serverTransport } from "@/tests/fixtures/sync/device";
import { MemorySyncRepository } from "@/tests/fixtures/sync/memory-repository";

vi.mock("server-only", () => ({}));

const account = "user-1";
const timers: Timers = {
  now: () => Date.now(),
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const options = {
  debounceMs: 1_500,
  maxWaitMs: 5_000,
  periodMs: 30_000,
  focusCooldownMs: 5_000,
  timeoutMs: 20_000,
  backoff: { baseMs: 1_000, capMs: 60_000 },
};

/** A transport that answers from a script of results, then from the real server. */
function scripted(repo: MemorySyncRepository, script: (TransportResult | "hang")[]): Transport {
  const server = serverTransport(repo, account);
  return (request, signal) => {
    const next = script.shift();
    if (next === undefined) return server(request, signal);
    if (next === "hang") return new Promise(() => {});
    return Promise.resolve(next);
  };
}
const problem = (status: number, type = "about:blank", retryAfter: string | null = null): TransportResult => ({
  kind: "answer",
  status,
  body: { type, title: "Problem", status },
  retryAfter,
});
const keys = (request: SyncRequest | undefined) => (request ? factsToEntries(request.facts).map(entryId) : []);

/** Runs the timers due now. */
async function settle() {
  await vi.advanceTimersByTimeAsync(0);
}
/** Runs timers due now and those they set for "now": fake timers give a zero delay set while ticking 1 ms. */
async function settleChain(steps = 50) {
  for (let i = 0; i < steps; i++) await vi.advanceTimersByTimeAsync(1);
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(script: (TransportResult | "hang")[] = [], random = () => 0.5, memory?: SyncMemory) {
  const repo = new MemorySyncRepository();
  const device = createDevice({ name: "a", account, transport: scripted(repo, script), timers, random, options, memory });
  return { repo, device };
}

describe("the sync engine", () => {
  it("pushes everything on its first sync: work done before signing in reaches the account", async () => {
    const { repo, device } = setup();
    device.tick("testing", "x");
    device.attempt("security", 3);
    device.engine.start();
    await settle();
    expect(keys(device.requests[0])).toEqual(["checklist:testing/x", "attempts:a-id-0002"]);
    expect(repo.entriesOf(account)).toHaveLength(2);
    expect(device.status()).toEqual({ kind: "synced", at: Date.now() });
    expect(describeSyncStatus(device.status(), Date.now())).toEqual({ label: "Synced", short: "Synced", detail: "just now" });
  });

  it("syncs a change after a pause (debounced), and a stream of changes at least every few seconds", async () => {
    const { device } = setup();
    device.engine.start();
    await settle();
    expect(device.requests).toHaveLength(1);

    device.tick("testing", "x");
    expect(device.status()).toEqual({ kind: "syncing" });
    await vi.advanceTimersByTimeAsync(1_400);
    expect(device.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(device.requests).toHaveLength(2);
    // Only what is new since the last acknowledged sync goes.
    expect(keys(device.requests[1])).toEqual(["checklist:testing/x"]);

    // A tick every second: the debounce never settles, the max wait does.
    for (let i = 0; i < 6; i++) {
      device.tick("testing", `item-${i}`);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(device.requests).toHaveLength(3);
    expect(keys(device.requests[2])).toHaveLength(5);
  });

  it("does not send back what came from the server, but pushes everything after a foreign merge", async () => {
    const { repo, device } = setup();
    const other = createDevice({ name: "b", account, transport: serverTransport(repo, account), timers, options });
    other.tick("messaging", "y");
    other.engine.start();
    await settle();

    device.tick("testing", "x");
    device.engine.start();
    await settle();
    expect(device.store.getState().facts.checklist.messaging?.y?.value).toBe(true);
    device.tick("testing", "z");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(keys(device.requests.at(-1))).toEqual(["checklist:testing/z"]);

    // Another tab (or an import) brings a fact stamped before this device's last sync.
    const old = { ...emptyFacts(), skipped: { security: { value: true, at: { wall: 5, counter: 0, device: "tab-2" } } } };
    device.store.getState().mergeFrom(old);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(keys(device.requests.at(-1))).toContain("skipped:security");
    expect(keys(device.requests.at(-1))).toContain("checklist:testing/x");
    expect(repo.entriesOf(account).map(entryId)).toContain("skipped:security");
    other.engine.stop();
  });

  it("keeps one request in flight; a change meanwhile goes in the next one", async () => {
    const repo = new MemorySyncRepository();
    const server = serverTransport(repo, account);
    let release: () => void = () => {};
    let inFlight = 0;
    let most = 0;
    const slow: Transport = async (request, signal) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((r) => (release = r));
      inFlight--;
      return server(request, signal);
    };
    const device = createDevice({ name: "a", account, transport: slow, timers, options });
    device.engine.start();
    await settle();
    device.tick("testing", "x");
    device.engine.focus();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(device.requests).toHaveLength(1);
    release();
    await settle();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(device.requests).toHaveLength(2);
    release();
    await settle();
    expect(most).toBe(1);
    expect(keys(device.requests[1])).toEqual(["checklist:testing/x"]);
  });

  it("waits while offline, counting what waits, and syncs when the network returns", async () => {
    const { device } = setup();
    device.state.online = false;
    device.engine.start();
    device.tick("testing", "x");
    device.tick("testing", "y");
    device.tick("testing", "z");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(device.requests).toHaveLength(0);
    expect(device.status()).toEqual({ kind: "offline", pending: 3, retryAt: null });
    expect(describeSyncStatus(device.status(), Date.now()).label).toBe("Offline: 3 changes waiting");

    device.state.online = true;
    device.engine.online();
    await settle();
    expect(device.requests).toHaveLength(1);
    expect(device.status().kind).toBe("synced");
    expect(device.engine.pending()).toBe(0);
  });

  it("retries failed requests with capped exponential backoff and full jitter", async () => {
    const network: TransportResult = { kind: "network-error" };
    const { device } = setup(Array(8).fill(network), () => 0.999);
    device.engine.start();
    await settle();
    const sentAt = [Date.now()];
    for (let attempt = 0; attempt < 8; attempt++) {
      const before = device.requests.length;
      while (device.requests.length === before) await vi.advanceTimersByTimeAsync(100);
      sentAt.push(Date.now());
    }
    const waits = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
    // With random() close to 1, each wait is close to its ceiling min(60 s, 1 s · 2^n).
    expect(waits.map((w) => Math.round(w / 1000))).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(device.status().kind).toBe("synced");
  });

  it("spreads retries over the whole window when random() is small (full jitter, not equal jitter)", async () => {
    const { device } = setup([{ kind: "network-error" }, { kind: "network-error" }], () => 0.1);
    device.engine.start();
    await settle();
    expect(device.status()).toMatchObject({ kind: "offline", retryAt: Date.now() + 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(device.requests).toHaveLength(2);
    expect(device.status()).toMatchObject({ kind: "offline", retryAt: Date.now() + 200 });
  });

  it("honours Retry-After on 429 and 503, saying so in words", async () => {
    const { device } = setup([problem(429, "about:blank", "30"), problem(503, "about:blank", "10")]);
    device.engine.start();
    await settle();
    const status = device.status();
    expect(status).toMatchObject({ kind: "error", problem: "the server asked to slow down" });
    expect(describeSyncStatus(status, Date.now())).toEqual({ label: "Not synced", short: "Not synced", detail: "the server asked to slow down; retrying in 31 s" });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(device.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(device.requests).toHaveLength(2);
    expect(device.status()).toMatchObject({ kind: "error", problem: "the server is busy" });
    await vi.advanceTimersByTimeAsync(10_500);
    expect(device.requests).toHaveLength(3);
    expect(device.status().kind).toBe("synced");
  });

  it("gives up a request that takes too long, and tries again", async () => {
    const { device } = setup(["hang"], () => 0);
    device.engine.start();
    await vi.advanceTimersByTimeAsync(19_999);
    expect(device.status()).toEqual({ kind: "syncing" });
    await vi.advanceTimersByTimeAsync(1);
    expect(device.status()).toMatchObject({ kind: "offline" });
    await settleChain(1);
    expect(device.requests).toHaveLength(2);
    expect(device.status().kind).toBe("synced");
  });

  it("stops on 401 without touching local facts, and never asks again", async () => {
    const { device } = setup([problem(401)]);
    device.tick("testing", "x");
    const before = device.store.getState().facts;
    device.engine.start();
    await settle();
    expect(device.status()).toEqual({ kind: "signed-out" });
    expect(device.state.stopped).toBe("signed-out");
    device.tick("testing", "y");
    device.engine.online();
    device.engine.focus();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(device.requests).toHaveLength(1);
    expect(device.store.getState().facts.checklist.testing?.x).toEqual(before.checklist.testing?.x);
  });

  it("stops when the server says the session is another account's", async () => {
    const { device } = setup([problem(409, SYNC_PROBLEMS.accountMismatch.type)]);
    device.engine.start();
    await settle();
    expect(device.state.stopped).toBe("account-changed");
  });

  it("splits its push when the server answers 413, and everything arrives", async () => {
    const repo = new MemorySyncRepository();
    const server = serverTransport(repo, account);
    const limit = 20_000;
    const strict: Transport = (request, signal) =>
      JSON.stringify(request).length > limit ? Promise.resolve(problem(413, SYNC_PROBLEMS.tooLarge.type)) : server(request, signal);
    const device = createDevice({ name: "a", account, transport: strict, timers, options });
    for (let i = 0; i < 300; i++) device.tick("testing", `item-${i}`);
    device.engine.start();
    await settleChain();
    expect(repo.entriesOf(account)).toHaveLength(300);
    expect(device.requests.filter((r) => JSON.stringify(r).length <= limit).length).toBeGreaterThan(1);
    expect(device.status().kind).toBe("synced");
  });

  it("starts again from nothing when the server does not know its cursor", async () => {
    const { repo, device } = setup([problem(409, SYNC_PROBLEMS.unknownCursor.type)], () => 0.5, {
      cursor: 5,
      ackedThrough: null,
      lastSyncedAt: null,
    });
    device.tick("testing", "x");
    device.engine.start();
    await settleChain(1);
    expect(device.requests.map((r) => r.cursor)).toEqual([5, null]);
    expect(repo.entriesOf(account)).toHaveLength(1);
  });

  it("refuses to retry by itself when the server syncs another format: the page must reload", async () => {
    const { device } = setup([problem(400, SYNC_PROBLEMS.formatUnsupported.type)]);
    device.engine.start();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(device.requests).toHaveLength(1);
    expect(device.status()).toMatchObject({ kind: "error", problem: "Quorum has been updated: reload the page to sync", retryAt: null });
  });

  it("syncs periodically while the tab is visible, and not while hidden", async () => {
    const { device } = setup();
    device.engine.start();
    await settle();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(device.requests).toHaveLength(2);
    device.state.visible = false;
    device.engine.visibility(false);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(device.requests).toHaveLength(2);
    device.state.visible = true;
    device.engine.visibility(true);
    await settle();
    expect(device.requests).toHaveLength(3);
  });

  it("syncs on focus, but not again and again while the learner switches windows", async () => {
    const { device } = setup();
    device.engine.start();
    await settle();
    device.engine.focus();
    await settle();
    expect(device.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(6_000);
    device.engine.focus();
    await settle();
    expect(device.requests).toHaveLength(2);
  });

  it("reads every page of a long answer in one sync", async () => {
    const repo = new MemorySyncRepository();
    const other = createDevice({ name: "b", account, transport: serverTransport(repo, account), timers, options });
    for (let i = 0; i < 1_200; i++) other.tick("testing", `item-${i}`);
    other.engine.start();
    await settle();
    const device = createDevice({ name: "a", account, transport: serverTransport(repo, account), timers, options });
    device.engine.start();
    await settle();
    expect(device.requests.length).toBeGreaterThan(1);
    expect(Object.keys(device.store.getState().facts.checklist.testing ?? {})).toHaveLength(1_200);
    expect(device.state.memory.cursor).toBe(repo.lastSeqOf(account));
  });

  it("flush() sends what waits and says whether it all arrived", async () => {
    const { device } = setup([{ kind: "network-error" }]);
    device.engine.start();
    device.tick("testing", "x");
    expect(await device.engine.flush()).toBe(false);
    expect(await device.engine.flush()).toBe(true);
    device.state.online = false;
    expect(await device.engine.flush()).toBe(false);
  });
});
