// @vitest-environment jsdom
/** The browser wiring of sync: session probe, ownership, window events and signing out, against the real handler. */
import { useProgress } from "@/lib/progress/store";
import { PROGRESS_KEY } from "@/lib/progress/format";
import { emptyFacts } from "@/lib/progress/types";
import { handleSync } from "@/lib/server/sync/handler";
import { forgetDeletedAccount, signOutOfSync, startBrowserSync, stopBrowserSync } from "@/lib/sync/browser";
import { readSyncRecord, SYNC_KEY, UNSENT_PREFIX } from "@/lib/sync/memory";
import { SESSION_PATH, SYNC_PATH } from "@/lib/sync/protocol";
import { syncStatusStore } from "@/lib/sync/status";
import { MemorySyncRepository } from "@/tests/fixtures/sync/memory-repository";
import { forgetSessionRequest } from "@/lib/account/session-request";

vi.mock("server-only", () => ({}));

let repo: MemorySyncRepository;
let signedIn: string | null;
let reachable: boolean;

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  if (!reachable) return Promise.reject(new TypeError("Failed to fetch"));
  const url = String(input);
  if (url === SESSION_PATH) return Promise.resolve(Response.json({ user: signedIn ? { id: signedIn } : null }));
  if (url === SYNC_PATH) {
    if (!signedIn) return Promise.resolve(Response.json({ type: "about:blank", title: "Sign in", status: 401 }, { status: 401 }));
    return handleSync(String(init?.body), repo, { id: signedIn }).then((r) =>
      "answer" in r ? Response.json(r.answer) : Response.json(r.problem, { status: r.status }),
    );
  }
  return Promise.resolve(new Response(null, { status: 404 }));
}

const status = () => syncStatusStore.getState().status;
const ticked = () => Object.keys(useProgress.getState().facts.checklist.testing ?? {}).sort();

beforeEach(async () => {
  repo = new MemorySyncRepository();
  signedIn = "ann";
  reachable = true;
  localStorage.clear();
  useProgress.setState({ facts: emptyFacts() });
  await useProgress.persist.rehydrate();
  vi.stubGlobal("fetch", vi.fn(fakeFetch));
  // Each test is a new page: its session request is asked afresh.
  forgetSessionRequest();
});

afterEach(() => {
  stopBrowserSync();
  vi.unstubAllGlobals();
});

describe("sync in the browser", () => {
  it("merges what was done anonymously into the account on signing in", async () => {
    useProgress.getState().setItem("testing", "anonymous", true);
    startBrowserSync();
    await vi.waitFor(() => expect(status().kind).toBe("synced"));
    expect(repo.entriesOf("ann").map((e) => e.key)).toEqual(["testing/anonymous"]);
    expect(readSyncRecord(localStorage)).toMatchObject({ account: "ann", cursor: 1 });
  });

  it("does nothing when nobody is signed in", async () => {
    signedIn = null;
    startBrowserSync();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(status()).toEqual({ kind: "signed-out" });
    expect(readSyncRecord(localStorage)).toBeNull();
  });

  it("offline at page load, goes on with the account it last synced for and waits", async () => {
    startBrowserSync();
    await vi.waitFor(() => expect(status().kind).toBe("synced"));
    stopBrowserSync();
    reachable = false;
    useProgress.getState().setItem("testing", "offline", true);
    startBrowserSync();
    await vi.waitFor(() => expect(status()).toMatchObject({ kind: "offline", pending: 1 }));
  });

  it("signs out: sends what waits, ends the session, then empties this browser's progress", async () => {
    startBrowserSync();
    await vi.waitFor(() => expect(status().kind).toBe("synced"));
    useProgress.getState().setItem("testing", "last-tick", true);
    const endSession = vi.fn(async () => {
      signedIn = null;
    });
    expect(await signOutOfSync(endSession)).toEqual({ keptUnsent: false });
    expect(endSession).toHaveBeenCalledTimes(1);
    expect(repo.entriesOf("ann").map((e) => e.key)).toEqual(["testing/last-tick"]);
    expect(ticked()).toEqual([]);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).state.facts.checklist).toEqual({});
    expect(localStorage.getItem(SYNC_KEY)).toBeNull();
    expect(status()).toEqual({ kind: "signed-out" });
  });

  it("signing out offline keeps what could not be sent aside for the same account only", async () => {
    startBrowserSync();
    await vi.waitFor(() => expect(status().kind).toBe("synced"));
    reachable = false;
    useProgress.getState().setItem("testing", "unsent", true);
    expect(await signOutOfSync(async () => {})).toEqual({ keptUnsent: true });
    expect(ticked()).toEqual([]);
    expect(localStorage.getItem(UNSENT_PREFIX + "ann")).toContain("unsent");
  });

  it("changes nothing when the session cannot be ended", async () => {
    startBrowserSync();
    await vi.waitFor(() => expect(status().kind).toBe("synced"));
    useProgress.getState().setItem("testing", "kept", true);
    await expect(signOutOfSync(() => Promise.reject(new Error("network")))).rejects.toThrow("network");
    expect(ticked()).toEqual(["kept"]);
    expect(readSyncRecord(localStorage)?.account).toBe("ann");
  });

  it("after the account is deleted, empties this browser's progress and what was kept aside for it", async () => {
    startBrowserSync();
    await vi.waitFor(() => expect(status().kind).toBe("synced"));
    useProgress.getState().setItem("testing", "last-tick", true);
    // Facts kept aside for the account (by another tab's sign-out, say), and for another account.
    localStorage.setItem(UNSENT_PREFIX + "ann", JSON.stringify(emptyFacts()));
    localStorage.setItem(UNSENT_PREFIX + "bo", JSON.stringify(emptyFacts()));
    signedIn = null; // the server deleted the account
    const requests = vi.mocked(fetch).mock.calls.length;
    forgetDeletedAccount();
    expect(ticked()).toEqual([]);
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).state.facts.checklist).toEqual({});
    expect(localStorage.getItem(SYNC_KEY)).toBeNull();
    expect(localStorage.getItem(UNSENT_PREFIX + "ann")).toBeNull();
    // Another account's facts kept aside here are not this account's to drop.
    expect(localStorage.getItem(UNSENT_PREFIX + "bo")).not.toBeNull();
    expect(status()).toEqual({ kind: "signed-out" });
    // Sync stopped: nothing more is sent for the deleted account.
    window.dispatchEvent(new Event("focus"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(vi.mocked(fetch).mock.calls.length).toBe(requests);
  });

  it("keeps progress that never synced (it belongs to nobody) when an account is deleted", () => {
    useProgress.getState().setItem("testing", "anonymous", true);
    forgetDeletedAccount();
    expect(ticked()).toEqual(["anonymous"]);
  });

  it("follows another tab that signed out: stops, and takes the emptied progress", async () => {
    useProgress.getState().setItem("testing", "x", true);
    startBrowserSync();
    await vi.waitFor(() => expect(status().kind).toBe("synced"));
    // The other tab emptied the stored progress and removed the record.
    const stored = JSON.parse(localStorage.getItem(PROGRESS_KEY)!);
    stored.state.facts = emptyFacts();
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(stored));
    localStorage.removeItem(SYNC_KEY);
    window.dispatchEvent(new StorageEvent("storage", { key: SYNC_KEY, newValue: null }));
    await vi.waitFor(() => expect(ticked()).toEqual([]));
    expect(status()).toEqual({ kind: "signed-out" });
  });
});
