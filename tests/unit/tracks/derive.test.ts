import fc from "fast-check";
import { compareTimestamps } from "@/lib/progress/clock";
import { latestTimestamp } from "@/lib/progress/merge";
import { lessonStatus } from "@/lib/progress/status";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { dayOf } from "@/lib/tracks/calendar";
import { deriveTrackProgress, lessonLookup, type LearnerState } from "@/lib/tracks/derive";
import { ASSESSMENT_STEP, type Due, type Track } from "@/lib/tracks/types";
import * as arb from "./arbitraries";
import { DAY, EPOCH, LESSONS } from "./arbitraries";

const lessons = lessonLookup(LESSONS);
const UTC = "UTC";

/** A learner's facts, written step by step: ticks and attempts at given instants. */
function learner() {
  const facts: ProgressFacts = emptyFacts();
  let n = 0;
  const at = (wall: number) => ({ wall, counter: 0, device: "device-a" });
  const api = {
    facts,
    tick(lessonId: string, items: readonly string[], wall: number, value = true) {
      facts.checklist[lessonId] = { ...facts.checklist[lessonId], ...Object.fromEntries(items.map((id) => [id, { value, at: at(wall) }])) };
      return api;
    },
    attempt(lessonId: string, correct: number, total: number, wall: number) {
      const id = `attempt-${String(++n).padStart(4, "0")}`;
      facts.attempts[id] = { id, lessonId, at: at(wall), responses: {}, correct, total };
      return api;
    },
    skip(lessonId: string, wall: number) {
      facts.skipped[lessonId] = { value: true, at: at(wall) };
      return api;
    },
  };
  return api;
}

function track(passMark: number, steps: [string, Due][], assessment: Due | null = null): Track {
  return {
    id: "t",
    title: "T",
    summary: "",
    passMark,
    assessment: assessment ? { due: assessment, note: "" } : null,
    steps: steps.map(([lessonId, due]) => ({ lessonId, due, note: "" })),
  };
}

const days = (n: number): Due => ({ kind: "days", days: n });
const derive = (t: Track, who: LearnerState, startedAt: number | null, now: number, timeZone = UTC) =>
  deriveTrackProgress({ track: t, lessons, learner: who, startedAt, time: { now, timeZone } });

describe("deriveTrackProgress, by example", () => {
  const path = track(80, [["fault-tolerance", days(2)], ["messaging", days(5)], ["security", { kind: "none" }]]);

  it("a step due yesterday and not done is overdue; the next step is the first not done", () => {
    const p = derive(path, { facts: learner().tick("fault-tolerance", ["a"], EPOCH + DAY).facts }, EPOCH, EPOCH + 3 * DAY + 1000);
    const [first, second, third] = p.steps;
    expect(first).toMatchObject({ status: "in-progress", dueDate: "2025-03-05", daysLeft: -1, overdue: true, completedAt: null });
    expect(second).toMatchObject({ status: "not-started", dueDate: "2025-03-08", daysLeft: 2, overdue: false });
    expect(third).toMatchObject({ dueDay: null, dueDate: null, daysLeft: null, overdue: false });
    expect(p.next?.key).toBe("fault-tolerance");
    expect(p).toMatchObject({ done: 0, total: 3, overdue: 1, onTrack: false, started: true, complete: false });
  });

  it("a step due today is not overdue yet", () => {
    const p = derive(path, { facts: emptyFacts() }, EPOCH, EPOCH + 2 * DAY + DAY - 1);
    expect(p.steps[0]).toMatchObject({ daysLeft: 0, overdue: false });
    expect(p.started).toBe(false);
  });

  it("done late is done, and says by how many days", () => {
    const facts = learner().tick("fault-tolerance", ["a", "b", "c"], EPOCH + 3 * DAY).attempt("fault-tolerance", 8, 8, EPOCH + 4 * DAY + 5).facts;
    const p = derive(path, { facts }, EPOCH, EPOCH + 10 * DAY);
    expect(p.steps[0]).toMatchObject({ status: "done", overdue: false, doneLate: true, daysLate: 2, completedAt: EPOCH + 4 * DAY + 5 });
    expect(p.doneLate).toBe(1);
    expect(p.next?.key).toBe("messaging");
  });

  it("completed at: the later of the last tick and the first attempt that reached the pass mark", () => {
    const facts = learner()
      .attempt("fault-tolerance", 6, 10, EPOCH + 1000) // 60%: not enough
      .attempt("fault-tolerance", 9, 10, EPOCH + 2000) // 90%: reaches 80%
      .attempt("fault-tolerance", 10, 10, EPOCH + 3000) // later and better, but not when it became done
      .tick("fault-tolerance", ["a", "b"], EPOCH + 500)
      .tick("fault-tolerance", ["c"], EPOCH + 1500).facts;
    expect(derive(path, { facts }, EPOCH, EPOCH + DAY).steps[0]?.completedAt).toBe(EPOCH + 2000);
    // Unticked and ticked again later: it became done (again) at that later tick.
    const relearned = { ...facts, checklist: { "fault-tolerance": { ...facts.checklist["fault-tolerance"], c: { value: true, at: { wall: EPOCH + 2500, counter: 0, device: "d" } } } } };
    expect(derive(path, { facts: relearned }, EPOCH, EPOCH + DAY).steps[0]?.completedAt).toBe(EPOCH + 2500);
  });

  it("judges the quiz by the track's pass mark, not the lesson's own 80%", () => {
    const facts = learner().tick("fault-tolerance", ["a", "b", "c"], EPOCH).attempt("fault-tolerance", 7, 10, EPOCH + 1).facts;
    const at = (passMark: number) => derive({ ...path, passMark }, { facts }, EPOCH, EPOCH + DAY).steps[0];
    expect(at(70)).toMatchObject({ status: "done", passed: true, best: 0.7 });
    expect(at(71)).toMatchObject({ status: "in-progress", passed: false, best: 0.7 });
    const strong = learner().tick("fault-tolerance", ["a", "b", "c"], EPOCH).attempt("fault-tolerance", 17, 20, EPOCH + 1).facts;
    expect(lessonStatus(strong, LESSONS[0]!)).toBe("done");
    expect(derive({ ...path, passMark: 90 }, { facts: strong }, EPOCH, EPOCH + DAY).steps[0]?.status).toBe("in-progress");
  });

  it("a skipped lesson is not done on a track: it still has to be learned", () => {
    const p = derive(path, { facts: learner().skip("fault-tolerance", EPOCH).facts }, EPOCH, EPOCH + 5 * DAY);
    expect(p.steps[0]).toMatchObject({ status: "skipped", overdue: true, lastActivityAt: EPOCH });
  });

  it("without a start, 'days after' has no date; a fixed date still does", () => {
    const t = track(80, [["fault-tolerance", days(1)], ["messaging", { kind: "date", date: "2025-03-04" }]]);
    const p = derive(t, { facts: emptyFacts() }, null, EPOCH + 9 * DAY);
    expect(p.steps[0]).toMatchObject({ dueDay: null, overdue: false });
    expect(p.steps[1]).toMatchObject({ dueDate: "2025-03-04", daysLeft: -8, overdue: true });
  });

  it("days are counted in the learner's time zone", () => {
    const t = track(80, [["fault-tolerance", days(0)]]);
    // Started 23:30 on 3 March in New York (04:30 UTC on the 4th); now is 00:30 on 4 March there.
    const start = EPOCH + DAY + 4.5 * 3600_000;
    const now = start + 3600_000;
    expect(derive(t, { facts: emptyFacts() }, start, now, "America/New_York").steps[0]).toMatchObject({ dueDate: "2025-03-03", overdue: true });
    expect(derive(t, { facts: emptyFacts() }, start, now, "UTC").steps[0]).toMatchObject({ dueDate: "2025-03-04", overdue: false });
  });

  it("the self-assessment is a first step, done when the caller says it was taken", () => {
    const t = track(80, [["fault-tolerance", days(3)]], days(1));
    const before = derive(t, { facts: emptyFacts() }, EPOCH, EPOCH + 2 * DAY);
    expect(before.steps.map((s) => s.key)).toEqual([ASSESSMENT_STEP, "fault-tolerance"]);
    expect(before.steps[0]).toMatchObject({ kind: "assessment", status: "not-started", overdue: true, position: 1 });
    expect(before.next?.key).toBe(ASSESSMENT_STEP);
    const after = derive(t, { facts: emptyFacts(), assessmentTakenAt: EPOCH + 2 * DAY }, EPOCH, EPOCH + 2 * DAY);
    expect(after.steps[0]).toMatchObject({ status: "done", doneLate: true, daysLate: 1, completedAt: EPOCH + 2 * DAY });
    expect(after.next?.key).toBe("fault-tolerance");
  });

  it("a lesson without a quiz is done when its checklist is", () => {
    const t = track(100, [["documentation", days(1)]]);
    const p = derive(t, { facts: learner().tick("documentation", ["a", "b"], EPOCH + 7).facts }, EPOCH, EPOCH);
    expect(p).toMatchObject({ complete: true, completedAt: EPOCH + 7, next: null, fraction: 1 });
  });

  it("a lesson the app does not know is shown and never done", () => {
    const p = derive(track(80, [["no-such-lesson", days(1)]]), { facts: emptyFacts() }, EPOCH, EPOCH);
    expect(p.steps[0]).toMatchObject({ title: "no-such-lesson", status: "not-started" });
  });

  it("never reads the clock: time only comes in as an argument", () => {
    const spy = vi.spyOn(Date, "now").mockImplementation(() => {
      throw new Error("lib/tracks read the clock");
    });
    try {
      expect(() => derive(path, { facts: learner().tick("messaging", ["a"], EPOCH).facts }, EPOCH, EPOCH + DAY)).not.toThrow();
    } finally {
      spy.mockRestore();
    }
  });
});

describe("deriveTrackProgress, for any facts, pass mark, due dates and time", () => {
  const input = fc.record({ track: arb.track, facts: arb.facts, startedAt: arb.startedAt, time: arb.time, assessmentTakenAt: arb.assessmentTakenAt });
  type Input = { track: Track; facts: ProgressFacts; startedAt: number | null; time: { now: number; timeZone: string }; assessmentTakenAt: number | null };
  const run = (i: Input) =>
    deriveTrackProgress({ track: i.track, lessons, learner: { facts: i.facts, assessmentTakenAt: i.assessmentTakenAt }, startedAt: i.startedAt, time: i.time });

  it("overdue exactly when not done and the due day has passed; done late only when done after it", () => {
    fc.assert(
      fc.property(input, (i) => {
        const today = dayOf(i.time.now, i.time.timeZone);
        for (const s of run(i).steps) {
          expect(s.overdue).toBe(s.status !== "done" && s.dueDay !== null && today > s.dueDay);
          if (s.status === "done") {
            const doneDay = dayOf(s.completedAt!, i.time.timeZone);
            expect(s.doneLate).toBe(s.dueDay !== null && doneDay > s.dueDay);
            expect(s.daysLate).toBe(s.doneLate ? doneDay - s.dueDay! : 0);
          } else {
            expect(s.completedAt).toBeNull();
            expect(s.doneLate).toBe(false);
          }
        }
      }),
    );
  });

  it("a higher pass mark never turns a step that is not done into done", () => {
    fc.assert(
      fc.property(input, arb.passMark, arb.passMark, (i, x, y) => {
        const [low, high] = x <= y ? [x, y] : [y, x];
        const atLow = run({ ...i, track: { ...i.track, passMark: low } });
        const atHigh = run({ ...i, track: { ...i.track, passMark: high } });
        atHigh.steps.forEach((s, k) => {
          if (s.status === "done") expect(atLow.steps[k]?.status).toBe("done");
        });
        expect(atHigh.done).toBeLessThanOrEqual(atLow.done);
      }),
    );
  });

  it("done means every item ticked and a best score that reaches the pass mark; at 80% it agrees with the lesson's own status", () => {
    fc.assert(
      fc.property(input, (i) => {
        for (const s of run(i).steps) {
          if (s.kind !== "lesson") continue;
          const lesson = lessons.get(s.key)!;
          if (s.status === "done") {
            expect(s.ticked).toBe(lesson.checklistIds.length);
            if (lesson.hasQuiz) expect(s.best! * 100).toBeGreaterThanOrEqual(i.track.passMark - 1e-9);
          }
        }
        const at80 = run({ ...i, track: { ...i.track, passMark: 80 } });
        for (const s of at80.steps) if (s.kind === "lesson") expect(s.status).toBe(lessonStatus(i.facts, lessons.get(s.key)!));
      }),
    );
  });

  it("a step is completed at a moment one of its facts was written, never later than the latest fact", () => {
    fc.assert(
      fc.property(input, (i) => {
        const latest = latestTimestamp(i.facts);
        const walls = new Set<number>([
          ...Object.values(i.facts.attempts).map((a) => a.at.wall),
          ...Object.values(i.facts.checklist).flatMap((items) => Object.values(items).map((r) => r.at.wall)),
        ]);
        for (const s of run(i).steps) {
          if (s.kind !== "lesson" || s.completedAt === null) continue;
          expect(walls.has(s.completedAt)).toBe(true);
          expect(s.completedAt).toBeLessThanOrEqual(latest!.wall);
        }
      }),
    );
  });

  it("a later attempt never moves a step's completion time", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 10 }), (i, correct) => {
        const before = run(i);
        const last = latestTimestamp(i.facts);
        const wall = (last?.wall ?? arb.EPOCH) + 1;
        const extra = { id: "a-later-attempt", lessonId: "fault-tolerance", at: { wall, counter: 0, device: "device-z" }, responses: {}, correct, total: 10 };
        expect(compareTimestamps(extra.at, last ?? extra.at)).toBeGreaterThanOrEqual(0);
        const after = run({ ...i, facts: { ...i.facts, attempts: { ...i.facts.attempts, [extra.id]: extra } } });
        before.steps.forEach((s, k) => {
          if (s.status === "done") expect(after.steps[k]?.completedAt).toBe(s.completedAt);
        });
      }),
    );
  });

  it("as time passes, nothing overdue stops being overdue (until it is done)", () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 0, max: 20 * DAY }), (i, wait) => {
        const now = run(i);
        const later = run({ ...i, time: { ...i.time, now: i.time.now + wait } });
        now.steps.forEach((s, k) => {
          if (s.overdue) expect(later.steps[k]?.overdue).toBe(true);
        });
      }),
    );
  });

  it("how far along: counts, fraction, next step and completion agree with the steps", () => {
    fc.assert(
      fc.property(input, (i) => {
        const p = run(i);
        const done = p.steps.filter((s) => s.status === "done");
        expect(p.done).toBe(done.length);
        expect(p.total).toBe(i.track.steps.length + (i.track.assessment ? 1 : 0));
        expect(p.fraction).toBeCloseTo(done.length / p.total);
        expect(p.next).toBe(p.steps.find((s) => s.status !== "done") ?? null);
        expect(p.complete).toBe(p.next === null);
        expect(p.completedAt).toBe(p.complete ? Math.max(...done.map((s) => s.completedAt!)) : null);
        expect(p.overdue).toBe(p.steps.filter((s) => s.overdue).length);
        expect(p.onTrack).toBe(p.overdue === 0);
        expect(p.steps.map((s) => s.position)).toEqual(p.steps.map((_, k) => k + 1));
      }),
    );
  });
});
