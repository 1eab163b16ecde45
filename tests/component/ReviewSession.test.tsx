// @vitest-environment jsdom
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Question } from "@/lib/content/schema";
import type { ReviewLesson } from "@/lib/content/types";
import { useProgress } from "@/lib/progress/store";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { ReviewSession } from "@/components/review/ReviewSession";

const opt = (id: string, text: string) => ({ id, text, explanation: `Because ${text.toLowerCase()}.` });
const jitter: Question = { id: "jitter", type: "single", prompt: "What spreads retries out?", options: [opt("jitter", "Jitter"), opt("more", "More retries"), opt("none", "Nothing")], answer: "jitter" };
const ntp: Question = { id: "ntp", type: "boolean", prompt: "NTP makes clocks agree exactly.", answer: false, explanations: { true: "It bounds nothing by itself.", false: "Right: it narrows skew, never to zero." } };
const bank: ReviewLesson[] = [{ id: "fault-tolerance", number: 4, title: "Error handling and fault tolerance", quiz: [jitter, ntp], diagnostic: [] }];

const HOUR = 3_600_000;

function withMissedQuiz(): ProgressFacts {
  const at = { wall: Date.now() - HOUR, counter: 0, device: "d" };
  const attempt = { id: "attempt-0001", lessonId: "fault-tolerance", responses: { jitter: "more", ntp: true }, correct: 0, total: 2, at };
  return { ...emptyFacts(), attempts: { [attempt.id]: attempt } };
}

beforeEach(() => {
  localStorage.clear();
  act(() => useProgress.setState({ facts: withMissedQuiz(), hydrated: true }));
});

describe("ReviewSession", () => {
  it("shows one due card at a time, with the keys it takes", () => {
    render(<ReviewSession bank={bank} />);
    expect(screen.getByTestId("review-status")).toHaveTextContent("2 cards due now · 2 cards in all.");
    const card = screen.getByTestId("review-card");
    expect(card).toHaveTextContent("From the lesson quiz of lesson 4, Error handling and fault tolerance · new card");
    expect(within(card).getByText("What spreads retries out?")).toBeInTheDocument();
    expect(within(card).queryByText("NTP makes clocks agree exactly.")).toBeNull();
    expect(screen.getByTestId("shortcuts")).toHaveTextContent("Keys: 1–3 choose · S sure, T think so, G guessing · Enter submit");
  });

  it("is answered with the keyboard alone: explains every option, reschedules, and goes on with Enter", async () => {
    const user = userEvent.setup();
    render(<ReviewSession bank={bank} />);
    await user.keyboard("1s{Enter}");

    const [event] = Object.values(useProgress.getState().facts.reviews);
    expect(event).toMatchObject({ lessonId: "fault-tolerance", questionId: "jitter", response: "jitter", confidence: "sure", correct: true });
    const card = screen.getByTestId("review-card");
    expect(within(card).getByText("Correct: your answer.")).toBeInTheDocument();
    expect(within(card).getByText("Because more retries.")).toBeInTheDocument();
    expect(screen.getByTestId("review-outcome")).toHaveTextContent(/^Right, and you said sure\. Next review in \d+ days \(/);
    expect(screen.getByTestId("review-status")).toHaveTextContent("1 card due now · 2 cards in all.");
    expect(screen.getByRole("button", { name: "Next card" })).toHaveFocus();

    await user.keyboard("{Enter}");
    expect(within(screen.getByTestId("review-card")).getByText("NTP makes clocks agree exactly.")).toBeInTheDocument();
    // True or false: 1 is True, 2 is False. A wrong answer, guessed, comes back tomorrow.
    await user.keyboard("1g{Enter}");
    expect(screen.getByTestId("review-outcome")).toHaveTextContent(/^Not right, and you said guessing\. Next review tomorrow/);
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("review-empty")).toHaveTextContent("Nothing due now");
    expect(screen.getByTestId("review-empty")).toHaveTextContent("The next card is due tomorrow");
  });

  it("will not check a card without an answer and a confidence", async () => {
    const user = userEvent.setup();
    render(<ReviewSession bank={bank} />);
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("answer-hint")).toHaveTextContent("Choose an answer first.");
    await user.keyboard("3{Enter}");
    expect(screen.getByTestId("answer-hint")).toHaveTextContent("Say how sure you are first.");
    expect(useProgress.getState().facts.reviews).toEqual({});
  });

  it("says when there is nothing to review yet", () => {
    act(() => useProgress.setState({ facts: emptyFacts() }));
    render(<ReviewSession bank={bank} />);
    expect(screen.getByTestId("review-status")).toHaveTextContent("No cards yet.");
    expect(screen.getByTestId("review-empty")).toHaveTextContent("Nothing to review yet");
  });
});
