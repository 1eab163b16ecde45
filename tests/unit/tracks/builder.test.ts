import fc from "fast-check";
import { addStep, draftProblems, dropIndex, dueFrom, moveStep, removeStep } from "@/lib/tracks/builder";
import type { DraftContent } from "@/lib/tracks/schema";

const draft = (ids: string[]): DraftContent => ({
  title: "Onboarding",
  summary: "",
  passMark: 80,
  assessment: null,
  steps: ids.map((lessonId) => ({ lessonId, due: { kind: "none" }, note: "" })),
});
const ids = (c: DraftContent) => c.steps.map((s) => s.lessonId);

describe("dropping a dragged step", () => {
  it("lands it after exactly the other steps drawn above the pointer", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 20 }).map((m) => m.sort((a, b) => a - b)),
        fc.nat(),
        fc.integer({ min: -100, max: 5100 }),
        (midpoints, rawFrom, y) => {
          const from = rawFrom % midpoints.length;
          const names = midpoints.map((_, i) => `l${i}`);
          const moved = ids(moveStep(draft(names), from, dropIndex(midpoints, from, y)));
          const at = moved.indexOf(`l${from}`);
          const midOf = (name: string) => midpoints[Number(name.slice(1))]!;
          moved.slice(0, at).forEach((n) => expect(midOf(n)).toBeLessThan(y));
          moved.slice(at + 1).forEach((n) => expect(midOf(n)).toBeGreaterThanOrEqual(y));
        },
      ),
    );
  });

  it("stays put when the pointer has not passed a neighbour's middle", () => {
    expect(dropIndex([50, 150, 250], 1, 120)).toBe(1);
    expect(dropIndex([50, 150, 250], 1, 260)).toBe(2);
    expect(dropIndex([50, 150, 250], 1, 10)).toBe(0);
  });
});

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
