import fc from "fast-check";
import { canonicalFacts, mergeFacts, pruneBefore } from "@/lib/progress/merge";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { keysToRead, planServerMerge } from "@/lib/server/sync/plan";
import { entriesToFacts, entryId, factsToEntries, isPrunedBy, sameEntry } from "@/lib/sync/entries";
import type { Entry } from "@/lib/sync/kinds";
import { facts } from "../../progress/arbitraries";

vi.mock("server-only", () => ({}));

// What the server holds is always the result of merges, so it is pruned by its own reset.
const storedFacts = facts.map((f) => pruneBefore(f, f.resetAt));

/** Applies a plan to the whole stored set, the way the repository does. */
function apply(stored: Entry[], plan: ReturnType<typeof planServerMerge>): Entry[] {
  const rows = new Map(stored.map((e) => [entryId(e), e]));
  if (plan.pruneThrough) for (const [id, e] of rows) if (isPrunedBy(e, plan.pruneThrough)) rows.delete(id);
  for (const e of plan.upserts) rows.set(entryId(e), e);
  return [...rows.values()];
}

function storedFor(all: Entry[], incoming: ProgressFacts): Entry[] {
  const wanted = new Set(keysToRead(incoming).map(entryId));
  return all.filter((e) => wanted.has(entryId(e)));
}

describe("planServerMerge", () => {
  it("agrees with mergeFacts: reading only the touched keys and applying the plan gives the merge of everything", () => {
    fc.assert(
      fc.property(storedFacts, facts, (server, incoming) => {
        const all = factsToEntries(server);
        const plan = planServerMerge(storedFor(all, incoming), incoming);
        expect(canonicalFacts(entriesToFacts(apply(all, plan)))).toBe(canonicalFacts(entriesToFacts(factsToEntries(mergeFacts(server, incoming)))));
      }),
    );
  });

  it("writes only what changed", () => {
    fc.assert(
      fc.property(storedFacts, facts, (server, incoming) => {
        const all = factsToEntries(server);
        const plan = planServerMerge(storedFor(all, incoming), incoming);
        for (const upsert of plan.upserts) {
          const old = all.find((e) => entryId(e) === entryId(upsert));
          expect(old === undefined || !sameEntry(old, upsert)).toBe(true);
        }
      }),
    );
  });

  it("is idempotent: the same request again writes nothing", () => {
    fc.assert(
      fc.property(storedFacts, facts, (server, incoming) => {
        const all = factsToEntries(server);
        const once = apply(all, planServerMerge(storedFor(all, incoming), incoming));
        const again = planServerMerge(storedFor(once, incoming), incoming);
        expect(again).toEqual({ upserts: [], pruneThrough: null });
      }),
    );
  });

  it("stores a newer reset as an entry and prunes through it", () => {
    const at = (wall: number) => ({ wall, counter: 0, device: "device-a" });
    const server: ProgressFacts = { ...emptyFacts(), skipped: { messaging: { value: true, at: at(2) } } };
    const plan = planServerMerge(factsToEntries(server), { ...emptyFacts(), resetAt: at(5) });
    expect(plan.pruneThrough).toEqual(at(5));
    expect(plan.upserts.map(entryId)).toEqual(["resetAt:-"]);
    // An older reset changes nothing.
    const after = apply(factsToEntries(server), plan);
    expect(planServerMerge(after, { ...emptyFacts(), resetAt: at(3) })).toEqual({ upserts: [], pruneThrough: null });
  });
});
