import { PROGRESS_KEY } from "@/lib/progress/format";
import { createProgressStore } from "@/lib/progress/store";
import { buildExport } from "@/lib/progress/transfer";
import { readFileSync } from "node:fs";
import { emptyFacts } from "@/lib/progress/types";
import { MapStorage } from "@/tests/fixtures/storage";

const v1Fixture = (name: string) => readFileSync(`tests/fixtures/progress-v1/${name}`, "utf8");


function setup(storage = new MapStorage(), device = "device-a") {
  let now = 1_000;
  let n = 0;
  const store = createProgressStore({
    storage: () => storage,
    now: () => now,
    newId: () => `${device}-id-${String(++n).padStart(4, "0")}`,
  });
  return { store, storage, advance: (ms: number) => (now += ms) };
}

describe("progress store", () => {
  it("ticks items with hybrid-clock timestamps and persists them", async () => {
    const { store, storage } = setup();
    await store.persist.rehydrate();
    store.getState().setItem("fault-tolerance", "a", true);
    store.getState().setItem("fault-tolerance", "b", true);
    const saved = JSON.parse(storage.getItem(PROGRESS_KEY)!);
    expect(saved.version).toBe(2);
    expect(saved.state.facts.checklist["fault-tolerance"].b.at.counter).toBe(1);
    expect(saved.state).not.toHaveProperty("recovered");

    const again = setup(storage);
    await again.store.persist.rehydrate();
    expect(again.store.getState().facts.checklist["fault-tolerance"]?.a?.value).toBe(true);
    expect(again.store.getState().hydrated).toBe(true);
  });

  it.each([
    ["not JSON", "{not json", "it is not valid JSON"],
    ["without a version", JSON.stringify({ state: {} }), "it has no version number"],
    ["from a newer version", JSON.stringify({ state: {}, version: 9 }), "newer version of Quorum"],
    ["with invalid facts", JSON.stringify({ state: { deviceId: "d", clock: { wall: 0, counter: 0, device: "d" }, facts: { checklist: 5 } }, version: 1 }), "it is not valid progress"],
  ])("sets aside stored progress that is %s, tells the learner, and carries on", async (_name, raw, reason) => {
    const storage = new MapStorage();
    storage.setItem(PROGRESS_KEY, raw);
    const { store } = setup(storage);
    await store.persist.rehydrate();
    const { recovered, facts, hydrated } = store.getState();
    expect(hydrated).toBe(true);
    expect(facts).toEqual(emptyFacts());
    expect(recovered?.reason).toContain(reason);
    expect(storage.getItem(recovered!.backupKey)).toBe(raw);
    // The main key now holds fresh, valid progress; the bad copy stays aside untouched.
    store.getState().setItem("fault-tolerance", "a", true);
    expect(JSON.parse(storage.getItem(PROGRESS_KEY)!).state.facts.checklist["fault-tolerance"].a.value).toBe(true);
    expect(storage.getItem(recovered!.backupKey)).toBe(raw);
  });

  it("merges another copy without losing either side's facts", async () => {
    const a = setup(new MapStorage(), "device-a");
    const b = setup(new MapStorage(), "device-b");
    a.store.getState().setItem("fault-tolerance", "a", true);
    b.advance(10);
    b.store.getState().setItem("fault-tolerance", "b", true);
    b.store.getState().recordAttempt({ lessonId: "fault-tolerance", responses: { q: "x" }, correct: 9, total: 10 });
    expect(a.store.getState().mergeFrom(b.store.getState().facts)).toBe(true);
    expect(a.store.getState().mergeFrom(b.store.getState().facts)).toBe(false);
    const facts = a.store.getState().facts;
    expect(Object.keys(facts.checklist["fault-tolerance"]!)).toEqual(["a", "b"]);
    expect(Object.keys(facts.attempts)).toHaveLength(1);
    // The clock has moved past everything it has seen.
    expect(a.store.getState().clock.wall).toBeGreaterThanOrEqual(1_010);
  });

  it("imports a valid file by merging, and rejects a bad one without changing anything", async () => {
    const { store } = setup();
    store.getState().setItem("fault-tolerance", "a", true);
    const before = store.getState().facts;
    for (const text of ["not json", "{}", JSON.stringify({ format: "quorum-progress", version: 1, exportedAt: "x", facts: { checklist: [] } })]) {
      const result = await store.getState().importFile(text);
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(/Nothing was changed\.$/);
      expect(store.getState().facts).toBe(before);
    }
    const other = setup(new MapStorage(), "device-b");
    other.store.getState().setItem("messaging", "x", true);
    const file = JSON.stringify(buildExport(other.store.getState().facts, new Date(0)));
    expect(await store.getState().importFile(file)).toEqual({ ok: true, message: expect.stringContaining("1 more checklist items ticked") });
    expect(store.getState().facts.checklist["fault-tolerance"]?.a?.value).toBe(true);
    expect(store.getState().facts.checklist.messaging?.x?.value).toBe(true);
    expect((await store.getState().importFile(file)).message).toContain("nothing changed");
  });

  it("resets with a timestamped fact, so a tab that still has the old facts cannot bring them back", () => {
    const a = setup(new MapStorage(), "device-a");
    a.store.getState().setItem("fault-tolerance", "a", true);
    const stale = a.store.getState().facts;
    a.advance(5);
    a.store.getState().reset();
    expect(a.store.getState().facts.checklist).toEqual({});
    a.store.getState().mergeFrom(stale);
    expect(a.store.getState().facts.checklist).toEqual({});
    a.advance(5);
    a.store.getState().setItem("fault-tolerance", "b", true);
    expect(a.store.getState().facts.checklist["fault-tolerance"]?.b?.value).toBe(true);
  });

  it("restores an export made before a reset when the learner imports it", async () => {
    const a = setup(new MapStorage(), "device-a");
    a.store.getState().setItem("fault-tolerance", "a", true);
    a.store.getState().recordAttempt({ lessonId: "fault-tolerance", responses: {}, correct: 8, total: 10 });
    const backup = JSON.stringify(buildExport(a.store.getState().facts, new Date(0)));
    a.advance(5);
    a.store.getState().reset();
    expect((await a.store.getState().importFile(backup)).message).toContain("1 more checklist items ticked, 1 quiz attempts added");
    expect(a.store.getState().facts.checklist["fault-tolerance"]?.a?.value).toBe(true);
    // ...and the restored facts survive merging with a tab that only saw the reset.
    expect(a.store.getState().mergeFrom({ ...emptyFacts(), resetAt: a.store.getState().facts.resetAt })).toBe(false);
  });

  it("reads progress a version 1 build stored, migrates it, and saves it as version 2", async () => {
    const storage = new MapStorage();
    storage.setItem(PROGRESS_KEY, v1Fixture("stored.json").trim());
    const { store } = setup(storage);
    await store.persist.rehydrate();
    const { facts, recovered } = store.getState();
    expect(recovered).toBeNull();
    expect(facts.checklist["system-architecture"]?.["draw-request-path"]?.value).toBe(true);
    expect(Object.keys(facts.attempts)).toEqual(["7c9e6679-7425-40de-944b-e07fc1f90ae7"]);
    expect(facts.answers).toEqual({});
    store.getState().setTestedOut("messaging", true);
    const saved = JSON.parse(storage.getItem(PROGRESS_KEY)!);
    expect(saved.version).toBe(2);
    expect(saved.state.facts.checklist["system-architecture"]["draw-request-path"].value).toBe(true);
    expect(saved.state.facts.testedOut.messaging.value).toBe(true);
  });

  it("imports a version 1 export: its facts are merged, none of the new kinds", async () => {
    const { store } = setup();
    const result = await store.getState().importFile(v1Fixture("export.json"));
    expect(result).toEqual({ ok: true, message: "Imported and merged: 2 more checklist items ticked, 1 quiz attempts added. Nothing was overwritten." });
    expect(store.getState().facts.skipped["service-discovery"]?.value).toBe(true);
    expect(store.getState().facts.reviews).toEqual({});
  });

  it("records self-assessment answers, reviews and lesson marks as stamped facts, and carries them in an export", async () => {
    const a = setup(new MapStorage(), "device-a");
    const given = { lessonId: "messaging", questionId: "dlq-scenario", response: "park", confidence: "sure" as const, correct: false };
    const answer = a.store.getState().recordAnswer({ ...given, sittingId: "sitting-0001" });
    a.advance(10);
    const review = a.store.getState().recordReview({ ...given, correct: true, confidence: "think" });
    a.store.getState().setTestedOut("security", true);
    a.store.getState().setReviewLesson("messaging", true);
    const facts = a.store.getState().facts;
    expect(facts.answers[answer.id]).toEqual({ ...given, sittingId: "sitting-0001", id: answer.id, at: answer.at });
    expect(facts.reviews[review.id]?.confidence).toBe("think");
    expect(review.at.wall).toBe(1_010);
    expect(facts.testedOut.security?.value).toBe(true);
    expect(facts.reviewLessons.messaging?.value).toBe(true);
    expect(a.store.getState().clock).toEqual(facts.reviewLessons.messaging?.at);

    const b = setup(new MapStorage(), "device-b");
    const file = JSON.stringify(buildExport(facts, new Date(0)));
    expect(JSON.parse(file).version).toBe(2);
    expect((await b.store.getState().importFile(file)).message).toBe(
      "Imported and merged: 0 more checklist items ticked, 0 quiz attempts added, 1 self-assessment answers and 1 reviews added. Nothing was overwritten.",
    );
    expect(b.store.getState().facts).toEqual(facts);
  });

  it("refuses an export from a newer version, changing nothing", async () => {
    const { store } = setup();
    const file = JSON.stringify({ ...buildExport(emptyFacts(), new Date(0)), version: 3 });
    expect(await store.getState().importFile(file)).toEqual({ ok: false, message: expect.stringContaining("made by a newer version of Quorum") });
  });
});
