// @vitest-environment jsdom
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Question } from "@/lib/content/schema";
import type { DiagnosticPractice } from "@/lib/content/types";
import { useProgress } from "@/lib/progress/store";
import { type AssessmentAnswer, emptyFacts } from "@/lib/progress/types";
import { Assessment } from "@/components/assess/Assessment";
import { responseForKey } from "@/components/assess/useAnswerShortcuts";

// Links prefetch on intent through the app router.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: () => {} }) }));

const opt = (id: string, text: string) => ({ id, text, explanation: `Why ${text}.` });
const single = (id: string, prompt: string): Question => ({ id, type: "single", prompt, options: [opt("a", `${id} right`), opt("b", `${id} wrong`), opt("c", `${id} other`)], answer: "a" });
const practice = (n: number, id: string): DiagnosticPractice => ({
  id,
  number: n,
  title: `Practice ${id}`,
  minutes: 10 + n,
  questions: [single(`${id}-1`, `First about ${id}?`), single(`${id}-2`, `Second about ${id}?`), single(`${id}-3`, `Third about ${id}?`)],
});
const bank = [practice(1, "alpha"), practice(2, "beta"), practice(3, "gamma")];

beforeEach(() => {
  localStorage.clear();
  useProgress.setState({ facts: emptyFacts(), hydrated: true });
});

/** The prompt on screen tells which question is asked: "First about alpha?" → alpha-1. */
function shownQuestion(): Question {
  const all = bank.flatMap((p) => p.questions);
  return all.find((q) => screen.queryByText(q.prompt))!;
}

describe("Assessment", () => {
  it("asks for an answer and how sure the learner is, and records both with the grade", async () => {
    const user = userEvent.setup();
    render(<Assessment bank={bank} />);
    await user.click(screen.getByRole("button", { name: "Start the self-assessment" }));
    expect(screen.getByTestId("sitting-progress")).toHaveTextContent("Question 1 · about 4 in all · 0 of 3 practices settled");
    expect(screen.getByTestId("sitting-practice")).toHaveTextContent("Practice 1: Practice alpha");

    const first = shownQuestion();
    await user.click(screen.getByRole("radio", { name: `${first.id} right` }));
    await user.click(screen.getByRole("button", { name: "Submit answer" }));
    expect(screen.getByTestId("answer-hint")).toHaveTextContent("Say how sure you are first.");
    expect(useProgress.getState().facts.answers).toEqual({});

    await user.click(screen.getByRole("radio", { name: "Sure" }));
    await user.click(screen.getByRole("button", { name: "Submit answer" }));
    const [answer] = Object.values(useProgress.getState().facts.answers);
    expect(answer).toMatchObject({ lessonId: "alpha", questionId: first.id, response: "a", confidence: "sure", correct: true });
    // Right and sure settles the practice: the next question is about the next one.
    expect(screen.getByTestId("sitting-practice")).toHaveTextContent("Practice 2: Practice beta");
    expect(screen.getByTestId("sitting-progress")).toHaveTextContent("Question 2 · about 4 in all · 1 of 3 practices settled");
  });

  it("takes answers from the keyboard: number keys, S/T/G, Enter; and asks again after an unsure one", async () => {
    const user = userEvent.setup();
    render(<Assessment bank={bank} />);
    await user.click(screen.getByRole("button", { name: "Start the self-assessment" }));
    await user.keyboard("2g{Enter}");
    const [answer] = Object.values(useProgress.getState().facts.answers);
    expect(answer).toMatchObject({ lessonId: "alpha", response: "b", confidence: "guess", correct: false });
    expect(screen.getByTestId("sitting-practice")).toHaveTextContent("Practice 1: Practice alpha");
    expect(shownQuestion().id).not.toBe(answer!.questionId);
    expect(screen.getByTestId("shortcuts")).toHaveTextContent("1–3 choose");
  });

  it("shows the result with the questions that showed it, the plan in order, and marks a known practice tested out", async () => {
    const user = userEvent.setup();
    render(<Assessment bank={bank} />);
    await user.click(screen.getByRole("button", { name: "Start the self-assessment" }));
    // alpha: right but guessing three times (shaky); beta: wrong and sure (misconception); gamma: right and sure (known).
    const plan: Record<string, string> = { alpha: "1g", beta: "2s", gamma: "1s" };
    for (let i = 0; i < 10 && screen.queryByTestId("sitting-practice"); i++) {
      const id = bank.find((p) => screen.getByTestId("sitting-practice").textContent?.includes(p.title))!.id;
      await user.keyboard(`${plan[id]}{Enter}`);
    }
    expect(screen.getByTestId("assess-result")).toHaveTextContent("7 questions");
    expect(within(screen.getByTestId("practice-result-alpha")).getByText("Shaky")).toBeInTheDocument();
    expect(within(screen.getByTestId("practice-result-beta")).getByText("Misconception")).toBeInTheDocument();
    expect(within(screen.getByTestId("practice-result-gamma")).getByText("Known")).toBeInTheDocument();
    const items = within(screen.getByTestId("study-plan")).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual([expect.stringContaining("Practice beta"), expect.stringContaining("Practice alpha")]);
    expect(within(items[0]!).getByRole("link")).toHaveAttribute("href", "/lessons/beta");

    // The evidence: each question asked, the learner's answer, and why each option is right or wrong.
    const beta = screen.getByTestId("practice-result-beta");
    expect(within(beta).getAllByText("Not right: your choice.")).toHaveLength(3);
    expect(within(beta).getAllByText(/You said:/)[0]).toHaveTextContent("You said: Sure.");

    expect(within(screen.getByTestId("practice-result-beta")).queryByRole("button", { name: /tested out/ })).toBeNull();
    await user.click(screen.getByRole("button", { name: /^Mark tested out\s*\(Practice gamma\)$/ }));
    expect(useProgress.getState().facts.testedOut.gamma?.value).toBe(true);
    expect(screen.getByRole("button", { name: /^Tested out: undo\s*\(Practice gamma\)$/ })).toHaveAttribute("aria-pressed", "true");
  });

  it("resumes a sitting from the stored answers, at the same question", async () => {
    const user = userEvent.setup();
    const at = { wall: 5, counter: 0, device: "d" };
    const given: AssessmentAnswer = { id: "answer-0001", sittingId: "sitting-0001", lessonId: "alpha", questionId: "alpha-2", response: "a", confidence: "sure", correct: true, at };
    act(() => useProgress.setState({ facts: { ...emptyFacts(), answers: { [given.id]: given } } }));
    render(<Assessment bank={bank} />);
    expect(screen.getByTestId("resume-note")).toHaveTextContent("You answered 1 question.");
    await user.click(screen.getByRole("button", { name: "Carry on" }));
    expect(screen.getByTestId("sitting-progress")).toHaveTextContent("Question 2");
    expect(screen.getByTestId("sitting-practice")).toHaveTextContent("Practice beta");
  });
});

describe("responseForKey", () => {
  it("picks, toggles, or ignores", () => {
    const multiple: Question = { id: "m", type: "multiple", prompt: "?", options: [opt("a", "A"), opt("b", "B"), opt("c", "C")], answer: ["a"] };
    expect(responseForKey(bank[0]!.questions[0]!, undefined, 2)).toBe("b");
    expect(responseForKey(bank[0]!.questions[0]!, undefined, 9)).toBeUndefined();
    expect(responseForKey(multiple, ["a"], 3)).toEqual(["a", "c"]);
    expect(responseForKey(multiple, ["a", "c"], 1)).toEqual(["c"]);
    expect(responseForKey({ id: "t", type: "boolean", prompt: "?", answer: true, explanations: { true: "y", false: "n" } }, undefined, 2)).toBe(false);
  });
});
