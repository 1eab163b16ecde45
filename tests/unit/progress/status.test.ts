import { bestScore, lessonStatus, overallProgress, PASS_MARK, tickedCount } from "@/lib/progress/status";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";

const lesson = { id: "fault-tolerance", checklistIds: ["a", "b"], hasQuiz: true };
const at = (wall: number) => ({ wall, counter: 0, device: "d" });

function withTicks(...ids: string[]): ProgressFacts {
  const items = Object.fromEntries(ids.map((id, i) => [id, { value: true, at: at(i + 1) }]));
  return { ...emptyFacts(), checklist: { [lesson.id]: items } };
}

function withAttempt(facts: ProgressFacts, correct: number, total = 10, id = `attempt-${correct}-${total}`): ProgressFacts {
  return { ...facts, attempts: { ...facts.attempts, [id]: { id, lessonId: lesson.id, at: at(50), responses: {}, correct, total } } };
}

describe("lessonStatus", () => {
  it("is not started for a learner who has only opened the page", () => {
    expect(lessonStatus(emptyFacts(), lesson)).toBe("not-started");
  });

  it("is in progress once anything is ticked or attempted", () => {
    expect(lessonStatus(withTicks("a"), lesson)).toBe("in-progress");
    expect(lessonStatus(withAttempt(emptyFacts(), 10), lesson)).toBe("in-progress");
  });

  it("is done only with every item ticked and the quiz passed", () => {
    expect(lessonStatus(withTicks("a", "b"), lesson)).toBe("in-progress");
    expect(lessonStatus(withAttempt(withTicks("a", "b"), 7), lesson)).toBe("in-progress");
    expect(lessonStatus(withAttempt(withTicks("a", "b"), 8), lesson)).toBe("done");
  });

  it("counts an unticked item as not done", () => {
    const facts = withTicks("a", "b");
    facts.checklist[lesson.id]!.b = { value: false, at: at(9) };
    expect(tickedCount(facts, lesson)).toBe(1);
    expect(lessonStatus(withAttempt(facts, 10), lesson)).toBe("in-progress");
  });

  it("is skipped when the learner says so, unless it is done", () => {
    const skipped = { ...withTicks("a"), skipped: { [lesson.id]: { value: true, at: at(3) } } };
    expect(lessonStatus(skipped, lesson)).toBe("skipped");
    expect(lessonStatus(withAttempt({ ...skipped, ...withTicks("a", "b"), skipped: skipped.skipped }, 10), lesson)).toBe("done");
  });
});

describe("tested out", () => {
  const testedOut = (facts: ProgressFacts, value = true): ProgressFacts => ({ ...facts, testedOut: { [lesson.id]: { value, at: at(4) } } });

  it("is a status of its own: not done, not skipped, and above both in progress and skipped", () => {
    expect(lessonStatus(testedOut(emptyFacts()), lesson)).toBe("tested-out");
    expect(lessonStatus(testedOut(withTicks("a")), lesson)).toBe("tested-out");
    expect(lessonStatus({ ...testedOut(emptyFacts()), skipped: { [lesson.id]: { value: true, at: at(5) } } }, lesson)).toBe("tested-out");
    expect(lessonStatus(testedOut(emptyFacts(), false), lesson)).toBe("not-started");
  });

  it("gives way to done, and is counted apart", () => {
    expect(lessonStatus(testedOut(withAttempt(withTicks("a", "b"), 9)), lesson)).toBe("done");
    const other = { id: "messaging", checklistIds: ["x"], hasQuiz: true };
    expect(overallProgress(testedOut(emptyFacts()), [lesson, other])).toMatchObject({ done: 0, testedOut: 1, skipped: 0, inProgress: 0, completion: 0 });
  });
});

describe("scores", () => {
  it("takes the best of all attempts, and passes at the pass mark exactly", () => {
    expect(PASS_MARK).toBe(0.8);
    const facts = withAttempt(withAttempt(emptyFacts(), 3), 8);
    expect(bestScore(facts, lesson.id)).toBe(0.8);
    expect(bestScore(facts, "other")).toBeNull();
  });

  it("sums progress across lessons", () => {
    const other = { id: "messaging", checklistIds: ["x"], hasQuiz: true };
    const overall = overallProgress(withAttempt(withTicks("a", "b"), 9), [lesson, other]);
    expect(overall).toMatchObject({ done: 1, inProgress: 0, total: 2, itemsTicked: 2, itemsTotal: 3, completion: 0.5 });
  });
});
