import fc from "fast-check";
import { canonicalFacts, mergeFacts, pruneBefore } from "@/lib/progress/merge";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { handleSync, type SyncResult } from "@/lib/server/sync/handler";
import { respondToSync } from "@/lib/server/sync/respond";
import { entriesToFacts, entryId, factsToEntries, sameEntry } from "@/lib/sync/entries";
import { buildSyncRequest, MAX_SYNC_REQUEST_BYTES, SYNC_PROBLEMS, type SyncAnswer } from "@/lib/sync/protocol";
import { MemorySyncRepository } from "@/tests/fixtures/sync/memory-repository";
import { facts } from "../../progress/arbitraries";

vi.mock("server-only", () => ({}));

const user = { id: "user-1" };
const at = (wall: number, device = "device-a") => ({ wall, counter: 0, device });
const normal = facts.map((f) => pruneBefore(f, f.resetAt));

function body(cursor: number | null, f: ProgressFacts, account = user.id) {
  return JSON.stringify(buildSyncRequest({ account, deviceId: "device-a", cursor, facts: f }));
}

function answerOf(result: SyncResult): SyncAnswer {
  if (!("answer" in result)) throw new Error(`expected an answer, got ${JSON.stringify(result)}`);
  return result.answer;
}

function serverFacts(repo: MemorySyncRepository): ProgressFacts {
  return entriesToFacts(repo.entriesOf(user.id));
}

const same = (a: ProgressFacts, b: ProgressFacts) => expect(canonicalFacts(entriesToFacts(factsToEntries(a)))).toBe(canonicalFacts(entriesToFacts(factsToEntries(b))));

describe("handleSync", () => {
  it("merges what a client sends with mergeFacts and stamps each change with the next seq", async () => {
    const repo = new MemorySyncRepository();
    const first: ProgressFacts = { ...emptyFacts(), skipped: { messaging: { value: true, at: at(2) } } };
    const a = answerOf(await handleSync(body(null, first), repo, user));
    expect(a).toEqual({ cursor: 1, more: false, facts: emptyFacts() });
    const second: ProgressFacts = { ...emptyFacts(), checklist: { testing: { x: { value: true, at: at(3) } } } };
    const b = answerOf(await handleSync(body(1, second), repo, user));
    expect(b.cursor).toBe(2);
    expect(repo.entriesOf(user.id).map((e) => [entryId(e), e.seq])).toEqual([
      ["skipped:messaging", 1],
      ["checklist:testing/x", 2],
    ]);
  });

  it("answers with exactly what the client lacks: entries after its cursor that it did not carry", async () => {
    await fc.assert(
      fc.asyncProperty(normal, normal, normal, async (earlier, later, mine) => {
        const repo = new MemorySyncRepository();
        // The client merged everything up to `cursor`; other devices wrote `later` since.
        answerOf(await handleSync(body(null, earlier), repo, user));
        const cursor = repo.lastSeqOf(user.id);
        const clientHas = serverFacts(repo);
        answerOf(await handleSync(body(cursor, later), repo, user));
        const storedBefore = repo.entriesOf(user.id);

        const answer = answerOf(await handleSync(body(cursor, mine), repo, user));
        const stored = repo.entriesOf(user.id);
        const carried = factsToEntries(mine);
        const lacking = stored.filter((e) => e.seq > cursor && !carried.some((c) => sameEntry(c, e)));
        expect(factsToEntries(answer.facts).map(entryId).sort()).toEqual(lacking.map(entryId).sort());
        expect(answer.cursor).toBe(repo.lastSeqOf(user.id));
        // And the client ends with what the server has.
        same(mergeFacts(mergeFacts(clientHas, mine), answer.facts), serverFacts(repo));
        same(serverFacts(repo), mergeFacts(entriesToFacts(storedBefore), mine));
      }),
      { numRuns: 60 },
    );
  });

  it("is harmless to repeat: the same request again changes nothing and answers the same facts", async () => {
    await fc.assert(
      fc.asyncProperty(normal, normal, async (other, mine) => {
        const repo = new MemorySyncRepository();
        await handleSync(body(null, other), repo, user);
        const first = answerOf(await handleSync(body(null, mine), repo, user));
        const rows = repo.entriesOf(user.id);
        const again = answerOf(await handleSync(body(null, mine), repo, user));
        expect(repo.entriesOf(user.id)).toEqual(rows);
        expect(canonicalFacts(again.facts)).toBe(canonicalFacts(first.facts));
      }),
      { numRuns: 40 },
    );
  });

  it("loses nothing when requests of two devices run at the same time", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(normal, { minLength: 2, maxLength: 6 }), async (writes) => {
        const repo = new MemorySyncRepository();
        await Promise.all(writes.map((f) => handleSync(body(null, f), repo, user)));
        same(serverFacts(repo), writes.reduce(mergeFacts, emptyFacts()));
        const seqs = repo.entriesOf(user.id).map((e) => e.seq);
        expect(new Set(seqs).size).toBe(seqs.length);
        expect(Math.max(0, ...seqs)).toBeLessThanOrEqual(repo.lastSeqOf(user.id));
      }),
      { numRuns: 40 },
    );
  });

  it("pages a long answer and the pages together are everything", async () => {
    const repo = new MemorySyncRepository();
    const many: ProgressFacts = {
      ...emptyFacts(),
      checklist: { testing: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`item-${i}`, { value: true, at: at(i + 1) }])) },
    };
    await handleSync(body(null, many), repo, user);
    let cursor: number | null = null;
    let received = emptyFacts();
    let pages = 0;
    for (;;) {
      const answer = answerOf(await handleSync(body(cursor, emptyFacts()), repo, user, { pageEntries: 10, answerBytes: 1_000_000 }));
      received = mergeFacts(received, answer.facts);
      cursor = answer.cursor;
      pages++;
      if (!answer.more) break;
    }
    expect(pages).toBe(3);
    same(received, many);
    // A byte limit cuts pages too, always letting at least one entry through.
    const tiny = answerOf(await handleSync(body(null, emptyFacts()), repo, user, { pageEntries: 100, answerBytes: 10 }));
    expect(factsToEntries(tiny.facts)).toHaveLength(1);
    expect(tiny).toMatchObject({ more: true, cursor: 1 });
  });

  it("applies a reset: prunes what came before and tells other devices", async () => {
    const repo = new MemorySyncRepository();
    await handleSync(body(null, { ...emptyFacts(), skipped: { messaging: { value: true, at: at(2) } } }), repo, user);
    await handleSync(body(1, { ...emptyFacts(), resetAt: at(5, "device-b") }), repo, user);
    expect(repo.entriesOf(user.id).map(entryId)).toEqual(["resetAt:-"]);
    const other = answerOf(await handleSync(body(1, emptyFacts()), repo, user));
    expect(other.facts.resetAt).toEqual(at(5, "device-b"));
    // A late request carrying facts from before the reset cannot bring them back.
    await handleSync(body(null, { ...emptyFacts(), skipped: { messaging: { value: true, at: at(2) } } }), repo, user);
    expect(repo.entriesOf(user.id).map(entryId)).toEqual(["resetAt:-"]);
  });

  it("refuses another account's progress, and a cursor from another history, changing nothing", async () => {
    const repo = new MemorySyncRepository();
    const f = { ...emptyFacts(), skipped: { messaging: { value: true, at: at(2) } } };
    const mismatch = await handleSync(body(null, f, "user-2"), repo, user);
    expect(mismatch).toMatchObject({ status: 409, problem: { type: SYNC_PROBLEMS.accountMismatch.type } });
    const ahead = await handleSync(body(7, f), repo, user);
    expect(ahead).toMatchObject({ status: 409, problem: { type: SYNC_PROBLEMS.unknownCursor.type, detail: expect.stringContaining("Cursor 7") } });
    expect(repo.entriesOf(user.id)).toEqual([]);
  });

  it("changes nothing when the transaction fails to commit", async () => {
    const repo = new MemorySyncRepository();
    repo.failNextCommit = true;
    await expect(handleSync(body(null, { ...emptyFacts(), skipped: { messaging: { value: true, at: at(2) } } }), repo, user)).rejects.toThrow();
    expect(repo.entriesOf(user.id)).toEqual([]);
    expect(repo.lastSeqOf(user.id)).toBe(0);
  });

  it.each([
    ["not JSON", "{", SYNC_PROBLEMS.invalidJson.type, "could not be parsed"],
    ["an empty object", "{}", SYNC_PROBLEMS.invalidRequest.type, "format"],
    [
      "a tick that is not a boolean",
      body(null, { ...emptyFacts(), checklist: { testing: { x: { value: "yes" as unknown as boolean, at: at(1) } } } }),
      SYNC_PROBLEMS.invalidRequest.type,
      "facts.checklist.testing.x.value",
    ],
    [
      "a negative cursor",
      body(-1, emptyFacts()),
      SYNC_PROBLEMS.invalidRequest.type,
      "cursor",
    ],
    [
      "an unknown kind of fact",
      JSON.stringify({ ...buildSyncRequest({ account: user.id, deviceId: "d", cursor: null, facts: emptyFacts() }), facts: { ...emptyFacts(), badges: {} } }),
      SYNC_PROBLEMS.invalidRequest.type,
      "facts",
    ],
    [
      "another format",
      JSON.stringify({ ...buildSyncRequest({ account: user.id, deviceId: "d", cursor: null, facts: emptyFacts() }), format: 99 }),
      SYNC_PROBLEMS.formatUnsupported.type,
      "format 99",
    ],
  ])("refuses %s with a problem that names what is wrong", async (_name, text, type, words) => {
    const repo = new MemorySyncRepository();
    const result = await handleSync(text, repo, user);
    expect(result).toMatchObject({ status: 400, problem: { type, detail: expect.stringContaining(words) } });
    expect(repo.lastSeqOf(user.id)).toBe(0);
  });
});

describe("respondToSync", () => {
  const post = (text: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
    new Request("http://localhost/api/v1/sync", { method: "POST", headers, body: text });

  it("answers JSON that is never cached", async () => {
    const response = await respondToSync(post(body(null, emptyFacts())), new MemorySyncRepository(), user);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ cursor: 0, more: false, facts: emptyFacts() });
  });

  it("refuses a body over the limit with a 413 problem, before parsing it", async () => {
    const repo = new MemorySyncRepository();
    const huge = body(null, { ...emptyFacts(), attempts: {} }).replace("}", `,"padding":"${"x".repeat(MAX_SYNC_REQUEST_BYTES)}"}`);
    const response = await respondToSync(post(huge), repo, user);
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ type: SYNC_PROBLEMS.tooLarge.type, detail: expect.stringContaining(String(MAX_SYNC_REQUEST_BYTES)) });
    expect(repo.lastSeqOf(user.id)).toBe(0);
  });

  it("refuses a body that is not declared JSON", async () => {
    const response = await respondToSync(post(body(null, emptyFacts()), { "content-type": "text/plain" }), new MemorySyncRepository(), user);
    expect(response.status).toBe(415);
  });
});
