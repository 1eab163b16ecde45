import fc from "fast-check";
import { describeChange, diffTracks } from "@/lib/tracks/changes";
import { ASSESSMENT_STEP, type Track } from "@/lib/tracks/types";

const base: Track = {
  id: "onboarding",
  title: "Onboarding",
  summary: "First weeks.",
  passMark: 70,
  assessment: null,
  steps: [
    { lessonId: "system-architecture", due: { kind: "days", days: 2 }, note: "Map first." },
    { lessonId: "observability", due: { kind: "date", date: "2026-03-02" }, note: "" },
    { lessonId: "fault-tolerance", due: { kind: "none" }, note: "Retries." },
  ],
};
const title = (key: string) => key.toUpperCase();

describe("diffTracks (what a learner is shown as changed)", () => {
  it("finds nothing between a track and itself", () => {
    expect(diffTracks(base, structuredClone(base))).toEqual([]);
  });

  it("says a moved due date in words", () => {
    const after = structuredClone(base);
    after.steps[1]!.due = { kind: "date", date: "2026-03-09" };
    const changes = diffTracks(base, after);
    expect(changes).toEqual([{ kind: "due", stepKey: "observability", from: base.steps[1]!.due, to: { kind: "date", date: "2026-03-09" } }]);
    expect(describeChange(changes[0]!, title)).toBe("“OBSERVABILITY” is now due 2026-03-09 (it was due 2026-03-02).");
  });

  it("reports an added step without calling the others moved, and a removed one", () => {
    const after = structuredClone(base);
    after.steps.splice(0, 1);
    after.steps.unshift({ lessonId: "messaging", due: { kind: "none" }, note: "" });
    expect(diffTracks(base, after)).toEqual([
      { kind: "step-added", stepKey: "messaging", position: 1 },
      { kind: "step-removed", stepKey: "system-architecture" },
    ]);
  });

  it("reports a swap as moves, and the assessment, the pass mark and the title", () => {
    const after: Track = { ...structuredClone(base), title: "Week one", passMark: 90, assessment: { due: { kind: "days", days: 0 }, note: "" } };
    after.steps = [after.steps[1]!, after.steps[0]!, after.steps[2]!];
    const changes = diffTracks(base, after);
    expect(changes).toEqual([
      { kind: "title", from: "Onboarding", to: "Week one" },
      { kind: "pass-mark", from: 70, to: 90 },
      { kind: "step-added", stepKey: ASSESSMENT_STEP, position: 1 },
      { kind: "step-moved", stepKey: "system-architecture", from: 1, to: 3 },
    ]);
    expect(describeChange(changes[1]!, title)).toBe("The pass mark went up from 70% to 90%.");
    expect(describeChange(changes[2]!, title)).toBe("The self-assessment was added as step 1.");
  });

  it("finds a change exactly when one step's due date differs (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 365 }), (index, days) => {
        const after = structuredClone(base);
        after.steps[index]!.due = { kind: "days", days };
        const before = base.steps[index]!.due;
        const same = before.kind === "days" && before.days === days;
        expect(diffTracks(base, after)).toHaveLength(same ? 0 : 1);
      }),
    );
  });
});
