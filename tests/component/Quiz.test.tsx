// @vitest-environment jsdom
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Quiz } from "@/components/quiz/Quiz";
import type { Quiz as QuizData } from "@/lib/content/schema";
import { useProgress } from "@/lib/progress/store";
import { emptyFacts } from "@/lib/progress/types";

const opt = (id: string, text: string) => ({ id, text, explanation: `Because of ${text}.` });
const quiz: QuizData = {
  questions: [
    { id: "pick", type: "single", prompt: "Which spreads retries?", options: [opt("jitter", "Jitter"), opt("more", "More retries"), opt("none", "Nothing")], answer: "jitter" },
    { id: "safe", type: "multiple", prompt: "Which are safe to retry? Select all that apply.", options: [opt("get", "GET"), opt("post", "POST"), opt("put", "PUT")], answer: ["get", "put"] },
    { id: "ntp", type: "boolean", prompt: "NTP makes clocks agree exactly.", answer: false, explanations: { true: "It does not.", false: "Right, it bounds nothing by itself." } },
    { id: "steps", type: "order", prompt: "Order the breaker states.", items: [opt("open", "Open"), opt("closed", "Closed"), opt("half", "Half-open")], answer: ["closed", "open", "half"] },
  ],
};

beforeEach(() => {
  localStorage.clear();
  useProgress.setState({ facts: emptyFacts() });
});

async function answerAll(user: ReturnType<typeof userEvent.setup>, options: { wrongSingle?: boolean } = {}) {
  await user.click(screen.getByRole("radio", { name: options.wrongSingle ? "More retries" : "Jitter" }));
  await user.click(screen.getByRole("checkbox", { name: "GET" }));
  await user.click(screen.getByRole("checkbox", { name: "PUT" }));
  await user.click(screen.getByRole("radio", { name: "False" }));
  // Keyboard only: focus "Closed"'s up button and press Enter, then move "Open" past nothing else.
  screen.getByRole("button", { name: "Move “Closed” up" }).focus();
  await user.keyboard("{Enter}");
}

describe("Quiz", () => {
  it("won't submit until every question is answered", async () => {
    const user = userEvent.setup();
    render(<Quiz lessonId="fault-tolerance" quiz={quiz} />);
    expect(screen.getByText("3 questions still to answer.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Submit answers" }));
    expect(screen.queryByTestId("quiz-result")).not.toBeInTheDocument();
    expect(Object.keys(useProgress.getState().facts.attempts)).toHaveLength(0);
  });

  it("grades a full attempt, explains every option, records it, and retries", async () => {
    const user = userEvent.setup();
    render(<Quiz lessonId="fault-tolerance" quiz={quiz} />);
    await answerAll(user);
    expect(screen.getByText("All answered.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Submit answers" }));

    expect(screen.getByTestId("quiz-result")).toHaveTextContent("You scored 4 of 4 (100%). Passed.");
    await waitFor(() => expect(screen.getByTestId("quiz-result")).toHaveFocus());
    const safe = screen.getByTestId("question-safe");
    expect(within(safe).getByText("Because of POST.")).toBeInTheDocument();
    expect(within(safe).getByText("✓ Correct")).toBeInTheDocument();
    expect(within(screen.getByTestId("question-ntp")).getByText("It does not.")).toBeInTheDocument();

    const attempts = Object.values(useProgress.getState().facts.attempts);
    expect(attempts).toMatchObject([{ lessonId: "fault-tolerance", correct: 4, total: 4, responses: { steps: ["closed", "open", "half"] } }]);
    expect(screen.getByTestId("quiz-history")).toHaveTextContent("1 attempt · best 100%");

    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(screen.getByRole("radio", { name: "Jitter" })).not.toBeChecked();
    expect(screen.queryByTestId("quiz-result")).not.toBeInTheDocument();
  });

  it("marks wrong answers and does not pass below the pass mark", async () => {
    const user = userEvent.setup();
    render(<Quiz lessonId="fault-tolerance" quiz={quiz} />);
    await answerAll(user, { wrongSingle: true });
    await user.click(screen.getByRole("button", { name: "Submit answers" }));
    expect(screen.getByTestId("quiz-result")).toHaveTextContent("You scored 3 of 4 (75%). Not yet passed: the pass mark is 80%.");
    const pick = screen.getByTestId("question-pick");
    expect(within(pick).getByText("✗ Incorrect")).toBeInTheDocument();
    expect(within(pick).getByText("Not right: your choice.")).toBeInTheDocument();
    expect(within(pick).getByText("The correct answer.")).toBeInTheDocument();
  });
});
