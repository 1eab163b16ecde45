import fc from "fast-check";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { attestation, certificateFor, percentOf } from "@/lib/tracks/certificate";
import { deriveTrackProgress, lessonLookup } from "@/lib/tracks/derive";
import type { Track } from "@/lib/tracks/types";
import * as arb from "./arbitraries";
import { DAY, EPOCH, LESSONS } from "./arbitraries";

const lessons = lessonLookup(LESSONS);
const time = { now: EPOCH + 20 * DAY, timeZone: "UTC" };
const ref = (trackId: string) => ({ kind: "built-in" as const, trackId });

const track: Track = {
  id: "t",
  title: "Two steps",
  summary: "",
  passMark: 70,
  assessment: null,
  steps: [
    { lessonId: "messaging", due: { kind: "none" }, note: "" },
    { lessonId: "documentation", due: { kind: "none" }, note: "" },
  ],
};

const ts = (wall: number) => ({ wall, counter: 0, device: "d" });

function factsWith(messagingCorrect: number, documentationTicked: boolean): ProgressFacts {
  const facts = emptyFacts();
  facts.checklist = {
    messaging: { a: { value: true, at: ts(EPOCH + DAY) }, b: { value: true, at: ts(EPOCH + 2 * DAY) } },
    documentation: { a: { value: true, at: ts(EPOCH + DAY) }, b: { value: documentationTicked, at: ts(EPOCH + 3 * DAY) } },
  };
  facts.attempts = { q1: { id: "q1", lessonId: "messaging", at: ts(EPOCH + 2 * DAY + 5), total: 10, correct: messagingCorrect, responses: {} } };
  return facts;
}

const progressOf = (facts: ProgressFacts, t: Track = track) => deriveTrackProgress({ track: t, lessons, learner: { facts }, startedAt: null, time });

describe("certificateFor", () => {
  it("issues for a complete track: title, pass mark, the date the last step became done, each step's best score", () => {
    const decision = certificateFor(ref("t"), track, progressOf(factsWith(7, true)));
    expect(decision).toEqual({
      ok: true,
      content: {
        track: ref("t"),
        trackTitle: "Two steps",
        passMark: 70,
        completedAt: EPOCH + 3 * DAY,
        steps: [
          { position: 1, title: "Message passing", lessonId: "messaging", bestPercent: 70, completedAt: EPOCH + 2 * DAY + 5 },
          { position: 2, title: "Documentation", lessonId: "documentation", bestPercent: null, completedAt: EPOCH + 3 * DAY },
        ],
      },
    });
  });

  it("refuses when a quiz is below the pass mark, naming the step", () => {
    const decision = certificateFor(ref("t"), track, progressOf(factsWith(6, true)));
    expect(decision.ok).toBe(false);
    if (decision.ok) return;
    expect(decision.remaining).toEqual([{ position: 1, title: "Message passing", status: "in progress" }]);
    expect(decision.reason).toContain("1 of 2 steps are not done");
    expect(decision.reason).toContain("70%");
  });

  it("refuses when a checklist is incomplete, and with no facts at all", () => {
    expect(certificateFor(ref("t"), track, progressOf(factsWith(10, false))).ok).toBe(false);
    const none = certificateFor(ref("t"), track, progressOf(emptyFacts()));
    expect(none.ok ? [] : none.remaining.map((r) => r.position)).toEqual([1, 2]);
  });

  it("agrees with deriveTrackProgress for any track and facts: issued exactly when complete, with its scores", () => {
    fc.assert(
      fc.property(arb.track, arb.facts, arb.time, (t, facts, when) => {
        const progress = deriveTrackProgress({ track: t, lessons, learner: { facts }, startedAt: null, time: when });
        const decision = certificateFor(ref(t.id), t, progress);
        expect(decision.ok).toBe(progress.complete);
        if (decision.ok) {
          expect(decision.content.completedAt).toBe(progress.completedAt);
          // Each step's best score, except one the track did not count (a lesson without a quiz).
          const counted = progress.steps.map((s) => (s.best === null || percentOf(s.best) < t.passMark ? null : percentOf(s.best)));
          expect(decision.content.steps.map((s) => s.bestPercent)).toEqual(counted);
          const withQuiz = progress.steps.filter((s) => s.lessonId !== null && LESSONS.find((l) => l.id === s.lessonId)?.hasQuiz);
          for (const s of withQuiz) expect(s.best).not.toBeNull();
          // A certificate never claims a score under the pass mark.
          for (const s of decision.content.steps) if (s.bestPercent !== null) expect(s.bestPercent).toBeGreaterThanOrEqual(t.passMark);
        } else {
          expect(decision.remaining.length).toBe(progress.total - progress.done);
        }
      }),
    );
  });

  it("rounds scores down, so 7 of 9 is 77%, never more than was scored", () => {
    expect(percentOf(7 / 9)).toBe(77);
    expect(percentOf(0.7)).toBe(70);
    expect(percentOf(1)).toBe(100);
  });

  it("says what it attests, including that it is not a proctored exam", () => {
    expect(attestation(90)).toMatch(/at least 90%/);
    expect(attestation(90)).toMatch(/not a proctored/);
  });
});
