// @vitest-environment jsdom
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MainNav } from "@/components/site/MainNav";
import { PhoneMenu } from "@/components/site/PhoneMenu";
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
let pathname = "/";
vi.mock("next/navigation", () => ({ usePathname: () => pathname, useRouter: () => ({ prefetch: () => {} }) }));

const fetchMock = vi.fn(async () => new Response(JSON.stringify(keys), { status: 200 }));

beforeEach(() => {
  pathname = "/";
  localStorage.clear();
  fetchMock.mockClear();
  vi.stubGlobal("fetch", fetchMock);
  act(() => useProgress.setState({ facts: emptyFacts(), hydrated: true }));
});
afterEach(() => vi.unstubAllGlobals());

describe("the main navigation", () => {
  it("lists every section in order and marks the current one", () => {
    pathname = "/tracks/on-call-ready";
    render(<MainNav variant="bar" />);
    const links = screen.getAllByRole("link");
    expect(links.map((l) => l.textContent)).toEqual(["Curriculum", "Tracks", "Assess", "Review", "Progress"]);
    expect(screen.getByRole("link", { name: "Tracks" })).toHaveAttribute("aria-current", "page");
    expect(screen.getByRole("link", { name: "Curriculum" })).not.toHaveAttribute("aria-current");
  });

  it("links to /assess and /review, and loads nothing for a learner with nothing that makes a card", async () => {
    render(<MainNav variant="bar" />);
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
    render(<MainNav variant="bar" />);
    await waitFor(() => expect(screen.getByTestId("bar-review")).toHaveTextContent("Review2 due"), { timeout: 5000 });
    expect(fetchMock).toHaveBeenCalledWith("/review/answer-keys.json");
  });
});

describe("the phone menu", () => {
  beforeEach(() => {
    vi.stubGlobal("matchMedia", () => ({ matches: false, addEventListener: () => {}, removeEventListener: () => {} }));
  });

  it("opens the sections and the theme, and Escape closes it with focus back on the button", async () => {
    const user = userEvent.setup();
    render(<PhoneMenu />);
    const button = screen.getByRole("button", { name: "Menu" });
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("navigation")).toBeNull();
    await user.click(button);
    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Colour theme" })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(button).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(button).toHaveFocus();
  });

  it("closes when a click lands outside it", async () => {
    const user = userEvent.setup();
    render(
      <div>
        <p>Outside</p>
        <PhoneMenu />
      </div>,
    );
    await user.click(screen.getByRole("button", { name: "Menu" }));
    await user.click(screen.getByText("Outside"));
    expect(screen.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
  });
});
