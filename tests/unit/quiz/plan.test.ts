import fc from "fast-check";
import { CLASS_ORDER, type PracticeClass } from "@/lib/quiz/classify";
import { compareResults, studyPlan } from "@/lib/quiz/plan";

const lessons = Array.from({ length: 8 }, (_, i) => ({ id: `lesson-${i + 1}`, number: i + 1, title: `Lesson ${i + 1}`, minutes: 10 + i }));
const result = (classes: (PracticeClass | null)[]) => classes.map((c, i) => ({ practiceId: `lesson-${i + 1}`, class: c }));

describe("studyPlan", () => {
  it("lists misconceptions, then gaps, then shaky practices, each group in curriculum order, with reading time and a link", () => {
    const plan = studyPlan(result(["shaky", "known", "gap", "misconception", "shaky", null, "gap", "misconception"]), lessons);
    expect(plan.items.map((i) => [i.lesson.number, i.class])).toEqual([
      [4, "misconception"],
      [8, "misconception"],
      [3, "gap"],
      [7, "gap"],
      [1, "shaky"],
      [5, "shaky"],
    ]);
    expect(plan.items[0]!.href).toBe("/lessons/lesson-4");
    expect(plan.minutes).toBe(13 + 17 + 12 + 16 + 10 + 14);
  });

  it("is empty when everything is known or nothing was assessed", () => {
    expect(studyPlan(result(["known", null, "known"]), lessons)).toEqual({ items: [], minutes: 0 });
  });

  it("always orders by group first, then curriculum number, and leaves out only known and unassessed practices", () => {
    const klass = fc.constantFrom<PracticeClass | null>("known", "shaky", "gap", "misconception", null);
    fc.assert(
      fc.property(fc.array(klass, { minLength: 8, maxLength: 8 }), (classes) => {
        const plan = studyPlan(result(classes), lessons);
        expect(plan.items.length).toBe(classes.filter((c) => c !== null && c !== "known").length);
        for (let i = 1; i < plan.items.length; i++) {
          const [a, b] = [plan.items[i - 1]!, plan.items[i]!];
          const byGroup = CLASS_ORDER.indexOf(a.class) - CLASS_ORDER.indexOf(b.class);
          expect(byGroup < 0 || (byGroup === 0 && a.lesson.number < b.lesson.number)).toBe(true);
        }
      }),
    );
  });
});

describe("compareResults", () => {
  it("says per practice what changed since the previous sitting", () => {
    const changes = compareResults(result(["gap", "known", null, "misconception"]), result(["known", "shaky", "gap", null]));
    expect(changes.slice(0, 4).map((c) => [c.practiceId, c.before, c.after, c.change])).toEqual([
      ["lesson-1", "gap", "known", "better"],
      ["lesson-2", "known", "shaky", "worse"],
      ["lesson-3", null, "gap", "new"],
      ["lesson-4", "misconception", null, "not-assessed"],
    ]);
  });
});
