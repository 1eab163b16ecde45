import fc from "fast-check";
import { compareTimestamps } from "@/lib/progress/clock";
import { scoreOf } from "@/lib/progress/status";
import type { QuizAttempt } from "@/lib/progress/types";
import { reachesPassMark } from "@/lib/tracks/derive";
import { lessonProgressOf } from "@/lib/tracks/lesson-progress";
import * as arb from "./arbitraries";

/** Every attempt of a lesson, the long way: what the records must stand for. */
function naive(attempts: QuizAttempt[], passMark: number) {
  const passing = attempts.filter((a) => reachesPassMark(a, passMark)).sort((a, b) => compareTimestamps(a.at, b.at));
  return {
    best: attempts.length === 0 ? null : Math.max(...attempts.map(scoreOf)),
    firstPassWall: passing[0]?.at.wall ?? null,
    lastWall: attempts.length === 0 ? null : Math.max(...attempts.map((a) => a.at.wall)),
  };
}

describe("lessonProgressOf", () => {
  it("keeps, for any pass mark, the best score, when it was first reached and the last attempt", () => {
    fc.assert(
      fc.property(arb.facts, arb.passMark, (facts, passMark) => {
        const progress = lessonProgressOf(facts);
        for (const lesson of arb.LESSONS) {
          const attempts = Object.values(facts.attempts).filter((a) => a.lessonId === lesson.id);
          const p = progress.get(lesson.id);
          const records = p?.records ?? [];
          const top = records.at(-1);
          const firstPass = records.find(([correct, total]) => reachesPassMark({ correct, total }, passMark));
          expect({
            best: top ? scoreOf({ correct: top[0], total: top[1] }) : null,
            firstPassWall: firstPass?.[2] ?? null,
            lastWall: p?.lastAttemptAt ?? null,
          }).toEqual(naive(attempts, passMark));
          // Records only ever go up, oldest first.
          for (let i = 1; i < records.length; i++) expect(records[i]![0] / records[i]![1]).toBeGreaterThan(records[i - 1]![0] / records[i - 1]![1]);
        }
      }),
    );
  });

  it("keeps the facts' own checklist registers and skip, uncopied", () => {
    fc.assert(
      fc.property(arb.facts, (facts) => {
        const progress = lessonProgressOf(facts);
        for (const [lessonId, items] of Object.entries(facts.checklist)) expect(progress.get(lessonId)?.checklist).toBe(items);
        for (const [lessonId, skip] of Object.entries(facts.skipped)) expect(progress.get(lessonId)?.skipped).toBe(skip);
        const mentioned = new Set([...Object.keys(facts.checklist), ...Object.keys(facts.skipped), ...Object.values(facts.attempts).map((a) => a.lessonId)]);
        expect(new Set(progress.keys())).toEqual(mentioned);
      }),
    );
  });
});
