// @vitest-environment jsdom
import { act, render, screen, waitFor } from "@testing-library/react";
import { StudyLinks } from "@/components/review/StudyLinks";
import { useProgress } from "@/lib/progress/store";
import { emptyFacts } from "@/lib/progress/types";
import { answerKeysFile } from "@/lib/quiz/answer-keys";

const opt = (id: string) => ({ id, text: id, explanation: id });
const keys = answerKeysFile([
  {
    id: "fault-tolerance",
    number: 4,
    title: "Faults",
    quiz: [{ id: "jitter", type: "single", prompt: "?", options: [opt("a"), opt("b"), opt("c")], answer: "a" }],
    diagnostic: [{ id: "breaker", type: "boolean", prompt: "?", answer: true, explanations: { true: "y", false: "n" } }],
  },
]);
const fetchMock = vi.fn(async () => new Response(JSON.stringify(keys), { status: 200 }));

beforeEach(() => {
  localStorage.clear();
  fetchMock.mockClear();
  vi.stubGlobal("fetch", fetchMock);
  act(() => useProgress.setState({ facts: emptyFacts(), hydrated: true }));
});
afterEach(() => vi.unstubAllGlobals());

describe("the header's study links", () => {
  it("link to /assess and /review, and load nothing for a learner with nothing that makes a card", async () => {
    render(<StudyLinks />);
    expect(screen.getByRole("link", { name: "Assess" })).toHaveAttribute("href", "/assess");
    expect(screen.getByRole("link", { name: "Review" })).toHaveAttribute("href", "/review");
    await new Promise((r) => setTimeout(r, 300));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("count the cards due, from the answer keys, once loaded", async () => {
    const at = { wall: Date.now() - 1000, counter: 0, device: "d" };
    const attempt = { id: "attempt-0001", lessonId: "fault-tolerance", responses: { jitter: "b" }, correct: 0, total: 1, at };
    const answer = { id: "answer-0001", sittingId: "sitting-0001", lessonId: "fault-tolerance", questionId: "breaker", response: true, confidence: "guess" as const, correct: true, at };
    act(() => useProgress.setState({ facts: { ...emptyFacts(), attempts: { [attempt.id]: attempt }, answers: { [answer.id]: answer } } }));
    render(<StudyLinks />);
    await waitFor(() => expect(screen.getByTestId("header-review")).toHaveTextContent("Review2 due"), { timeout: 5000 });
    expect(fetchMock).toHaveBeenCalledWith("/review/answer-keys.json");
  });
});
