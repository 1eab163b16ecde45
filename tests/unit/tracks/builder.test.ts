import fc from "fast-check";
import { addStep, draftProblems, dueFrom, moveStep, removeStep } from "@/lib/tracks/builder";
import type { DraftContent } from "@/lib/tracks/schema";

const draft = (ids: string[]): DraftContent => ({
  title: "Onboarding",
  summary: "",
  passMark: 80,
  assessment: null,
  steps: ids.map((lessonId) => ({ lessonId, due: { kind: "none" }, note: "" })),
});
const ids = (c: DraftContent) => c.steps.map((s) => s.lessonId);

describe("the builder's edits", () => {
  it("moves a step up and down, keeping the others in order, and clamps at the ends", () => {
    const c = draft(["a", "b", "c", "d"]);
    expect(ids(moveStep(c, 2, 1))).toEqual(["a", "c", "b", "d"]);
    expect(ids(moveStep(c, 0, 3))).toEqual(["b", "c", "d", "a"]);
    expect(moveStep(c, 0, -1)).toBe(c);
    expect(ids(moveStep(c, 3, 9))).toEqual(["a", "b", "c", "d"]);
  });

  it("any move is a permutation, and moving back restores the order (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1), fc.nat(n - 1))), ([n, from, to]) => {
        const c = draft(Array.from({ length: n }, (_, i) => `l${i}`));
        const moved = moveStep(c, from, to);
        expect([...ids(moved)].sort()).toEqual([...ids(c)].sort());
        expect(ids(moved)[to]).toBe(`l${from}`);
        expect(ids(moveStep(moved, to, from))).toEqual(ids(c));
      }),
    );
  });

  it("adds a lesson once, and removes a step", () => {
    expect(ids(addStep(addStep(draft(["a"]), "b"), "b"))).toEqual(["a", "b"]);
    expect(ids(removeStep(draft(["a", "b", "c"]), 1))).toEqual(["a", "c"]);
  });

  it("names what is wrong, field by field, in the server's field names", () => {
    const c = draft([]);
    c.title = " ";
    c.passMark = 30;
    c.steps = [{ lessonId: "x", due: dueFrom("date", "2026-02-30"), note: "" }, { lessonId: "y", due: dueFrom("days", "2.5"), note: "" }];
    expect(draftProblems(c, { publishing: false })).toEqual({
      title: "Give the track a title.",
      passMark: "Enter a whole percentage from 50 to 100.",
      "steps.0.due": "Enter the date as YYYY-MM-DD, for example 2026-03-02.",
      "steps.1.due": "Enter a whole number of days from 0 to 365.",
    });
    expect(draftProblems(draft([]), { publishing: true })).toEqual({ steps: "Add at least one lesson before publishing." });
    expect(draftProblems(draft(["a"]), { publishing: true })).toEqual({});
  });
});
