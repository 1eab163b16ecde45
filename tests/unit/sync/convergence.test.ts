/**
 * Several devices of one learner, each with a real progress store and sync engine, syncing
 * with the real handler over a network that drops, duplicates, delays and reorders. Whatever
 * happens, once the network heals every device and the server hold the same facts: the merge
 * of everything ever written (nothing lost, nothing doubled).
 */
import fc from "fast-check";
import { canonicalFacts, mergeFacts } from "@/lib/progress/merge";
import { createProgressStore } from "@/lib/progress/store";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { entriesToFacts, factsToEntries } from "@/lib/sync/entries";
import { createDevice, MapStorage, type TestDevice } from "@/tests/fixtures/sync/device";
import { MemorySyncRepository } from "@/tests/fixtures/sync/memory-repository";
import { type Faults, NO_FAULTS, seededRandom, simulatedNetwork, VirtualTime } from "@/tests/fixtures/sync/network";

vi.mock("server-only", () => ({}));

const account = "user-1";
const lessons = ["fault-tolerance", "messaging", "security"] as const;
const items = ["item-a", "item-b", "item-c", "item-d"] as const;

type Op =
  | { op: "tick"; lesson: number; item: number; value: boolean }
  | { op: "skip"; lesson: number; value: boolean }
  | { op: "attempt"; lesson: number; correct: number }
  | { op: "reset" }
  /** Facts of another tab (which never syncs itself) arrive, as through the storage event or an import. */
  | { op: "other-tab"; lesson: number; item: number }
  | { op: "wait"; ms: number }
  | { op: "offline" }
  | { op: "online" }
  | { op: "focus" };

const opArb: fc.Arbitrary<{ device: number; action: Op }> = fc.record({
  device: fc.integer({ min: 0, max: 2 }),
  action: fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant("tick" as const), lesson: fc.nat(2), item: fc.nat(3), value: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("skip" as const), lesson: fc.nat(2), value: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("attempt" as const), lesson: fc.nat(2), correct: fc.nat(4) }) },
    { weight: 1, arbitrary: fc.constant({ op: "reset" as const }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("other-tab" as const), lesson: fc.nat(2), item: fc.nat(3) }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 40_000 }) }) },
    { weight: 1, arbitrary: fc.constant({ op: "offline" as const }) },
    { weight: 1, arbitrary: fc.constant({ op: "online" as const }) },
    { weight: 1, arbitrary: fc.constant({ op: "focus" as const }) },
  ),
});

const faultsArb: fc.Arbitrary<Faults> = fc.record({
  dropRequest: fc.double({ min: 0, max: 0.4, noNaN: true }),
  duplicate: fc.double({ min: 0, max: 0.4, noNaN: true }),
  dropAnswer: fc.double({ min: 0, max: 0.4, noNaN: true }),
  maxLatency: fc.integer({ min: 1, max: 30_000 }),
});

/** Facts compared as entries: the same facts, whatever the key order or empty lesson maps. */
function canonical(f: ProgressFacts): string {
  return canonicalFacts(entriesToFacts(factsToEntries(f)));
}

function world(seed: number, skews: number[]) {
  const time = new VirtualTime();
  const repo = new MemorySyncRepository();
  const random = seededRandom(seed);
  // Small pages, so answers are cut and devices follow `more` under faults too.
  const network = simulatedNetwork(time, repo, account, random, { pageEntries: 4, answerBytes: 100_000 });
  const devices = skews.map((skew, i) =>
    createDevice({ name: `d${i}`, account, transport: network.transport, timers: time.timers, random, skew }),
  );
  return { time, repo, network, devices };
}

async function healAndSettle(time: VirtualTime, network: ReturnType<typeof simulatedNetwork>, devices: TestDevice[]) {
  network.setFaults(NO_FAULTS);
  for (const d of devices) {
    d.state.online = true;
    d.engine.online();
  }
  // Late duplicates and answers land, backoffs expire (the cap is a minute).
  await time.runFor(5 * 60_000);
  // A final round of clean syncs: everyone pushes, then everyone pulls.
  for (let round = 0; round < 2; round++) {
    for (const d of devices) {
      const flushed = d.engine.flush();
      await time.runFor(1_000);
      expect(await flushed).toBe(true);
    }
  }
}

describe("sync convergence", () => {
  it("ends with every device and the server holding the merge of everything written, whatever the network did", async () => {
    let faultsSeen = { delivered: 0, droppedRequests: 0, duplicated: 0, droppedAnswers: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 10, maxLength: 100 }),
        faultsArb,
        fc.array(fc.integer({ min: -5_000, max: 5_000 }), { minLength: 3, maxLength: 3 }),
        fc.integer(),
        async (ops, faults, skews, seed) => {
          const { time, repo, network, devices } = world(seed, skews);
          network.setFaults(faults);
          let n = 0;
          const otherTab = createProgressStore({ storage: () => new MapStorage(), now: () => time.now, newId: () => `tab-id-${++n}` });
          let everything: ProgressFacts = emptyFacts();
          const wrote = (d: TestDevice) => {
            everything = mergeFacts(everything, d.store.getState().facts);
          };
          for (const d of devices) d.engine.start();

          for (const { device, action } of ops) {
            const d = devices[device]!;
            switch (action.op) {
              case "tick":
                d.tick(lessons[action.lesson]!, items[action.item]!, action.value);
                wrote(d);
                break;
              case "skip":
                d.skip(lessons[action.lesson]!, action.value);
                wrote(d);
                break;
              case "attempt":
                d.attempt(lessons[action.lesson]!, action.correct);
                wrote(d);
                break;
              case "reset":
                d.reset();
                wrote(d);
                break;
              case "other-tab":
                otherTab.getState().setItem(lessons[action.lesson]!, items[action.item]!, true);
                d.store.getState().mergeFrom(otherTab.getState().facts);
                wrote(d);
                break;
              case "wait":
                await time.runFor(action.ms);
                break;
              case "offline":
                d.state.online = false;
                d.engine.offline();
                break;
              case "online":
                d.state.online = true;
                d.engine.online();
                break;
              case "focus":
                d.engine.focus();
                break;
            }
            await time.runFor(10);
          }

          await healAndSettle(time, network, devices);
          const expected = canonical(everything);
          expect(canonical(entriesToFacts(repo.entriesOf(account)))).toBe(expected);
          for (const d of devices) expect(canonical(d.store.getState().facts)).toBe(expected);
          // Seqs stay unique and below the user's counter.
          const seqs = repo.entriesOf(account).map((e) => e.seq);
          expect(new Set(seqs).size).toBe(seqs.length);
          for (const d of devices) expect(d.state.memory.cursor).toBe(repo.lastSeqOf(account));
          faultsSeen = {
            delivered: faultsSeen.delivered + network.log.delivered,
            droppedRequests: faultsSeen.droppedRequests + network.log.droppedRequests,
            duplicated: faultsSeen.duplicated + network.log.duplicated,
            droppedAnswers: faultsSeen.droppedAnswers + network.log.droppedAnswers,
          };
        },
      ),
      { numRuns: 100 },
    );
    // The faults did happen: this was not a clean network by accident.
    expect(faultsSeen.droppedRequests).toBeGreaterThan(20);
    expect(faultsSeen.duplicated).toBeGreaterThan(20);
    expect(faultsSeen.droppedAnswers).toBeGreaterThan(20);
  }, 120_000);

  it("two devices that worked offline end, once reconnected, with everything from both", async () => {
    const { time, repo, network, devices } = world(7, [0, 1_500]);
    const [a, b] = devices as [TestDevice, TestDevice];
    a.tick("messaging", "item-a");
    a.engine.start();
    await time.runFor(1_000);
    b.engine.start();
    await time.runFor(1_000);
    expect(b.store.getState().facts.checklist.messaging?.["item-a"]?.value).toBe(true);

    for (const d of [a, b]) {
      d.state.online = false;
      d.engine.offline();
    }
    a.tick("security", "item-a");
    a.attempt("security", 4);
    b.tick("security", "item-b");
    b.tick("messaging", "item-a", false);
    b.skip("fault-tolerance");
    await time.runFor(60_000);
    expect(repo.entriesOf(account)).toHaveLength(1);
    expect(a.status()).toEqual({ kind: "offline", pending: 2, retryAt: null });

    await healAndSettle(time, network, devices);
    const union = mergeFacts(a.store.getState().facts, b.store.getState().facts);
    for (const d of devices) {
      const facts = d.store.getState().facts;
      expect(facts.checklist.security?.["item-a"]?.value).toBe(true);
      expect(facts.checklist.security?.["item-b"]?.value).toBe(true);
      // The later untick wins on both.
      expect(facts.checklist.messaging?.["item-a"]?.value).toBe(false);
      expect(facts.skipped["fault-tolerance"]?.value).toBe(true);
      expect(Object.keys(facts.attempts)).toHaveLength(1);
      expect(canonical(facts)).toBe(canonical(union));
      expect(d.status().kind).toBe("synced");
    }
  });
});
