// @vitest-environment jsdom
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { LessonSummary } from "@/lib/content/types";
import { useProgress } from "@/lib/progress/store";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { FOLLOWING_KEY } from "@/lib/tracks/following";
import { useFollowing } from "@/lib/tracks/store";
import type { Track } from "@/lib/tracks/types";
import { TrackPath } from "@/components/tracks/TrackPath";

// Links prefetch on intent through the app router.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: () => {} }) }));

const DAY = 86_400_000;
/** Monday 3 March 2025, 10:00 UTC. Dates below read the same in any time zone east of UTC−10. */
const MONDAY = Date.UTC(2025, 2, 3, 10);

const lesson = (id: string, number: number, title: string, checklistIds: string[]): LessonSummary => ({
  id,
  number,
  title,
  summary: "",
  minutes: 15,
  checklistIds,
  hasQuiz: true,
});
const lessons = [
  lesson("fault-tolerance", 4, "Error handling and fault tolerance", ["a", "b"]),
  lesson("messaging", 9, "Message passing", ["a"]),
  lesson("security", 10, "Security practices", ["a"]),
];
const track: Track = {
  id: "test-track",
  title: "A test track",
  summary: "For tests.",
  passMark: 90,
  assessment: null,
  steps: [
    { lessonId: "fault-tolerance", due: { kind: "days", days: 2 }, note: "Timeouts first." },
    { lessonId: "messaging", due: { kind: "days", days: 4 }, note: "Then queues." },
    { lessonId: "security", due: { kind: "none" }, note: "Then who may call." },
  ],
};

const at = (wall: number) => ({ wall, counter: 0, device: "device-a" });
function withFacts(change: (facts: ProgressFacts) => void) {
  const facts = emptyFacts();
  change(facts);
  act(() => useProgress.setState({ facts }));
}

beforeEach(async () => {
  vi.useFakeTimers({ now: MONDAY, shouldAdvanceTime: true });
  localStorage.clear();
  useProgress.setState({ facts: emptyFacts(), hydrated: true });
  useFollowing.setState({ following: {}, recovered: null });
  // As on the page after mount: the followed tracks have been read (asynchronously: the checks load on demand).
  await useFollowing.persist.rehydrate();
});
afterEach(() => {
  vi.useRealTimers();
});

const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

describe("a track's page island", () => {
  it("before following: planned due days, and no step marked as the learner's place", async () => {
    render(<TrackPath track={track} lessons={lessons} />);
    expect(await screen.findByText("Not following this track")).toBeInTheDocument();
    expect(screen.getByTestId("step-due-fault-tolerance")).toHaveTextContent("Due 2 days after you start");
    expect(screen.getByTestId("step-due-security")).toHaveTextContent("No due date");
    expect(screen.getByRole("list", { name: "Steps of A test track" }).querySelector("[aria-current]")).toBeNull();
    expect(screen.getByText("Timeouts first.")).toBeInTheDocument();
  });

  it("following with the keyboard dates every step from today and marks the first as the learner's place", async () => {
    render(<TrackPath track={track} lessons={lessons} />);
    const follow = await screen.findByRole("button", { name: "Follow this track" });
    follow.focus();
    await user().keyboard("{Enter}");
    expect(screen.getByTestId("track-status")).toHaveTextContent("Following since Mon 3 Mar");
    expect(screen.getByTestId("track-done")).toHaveTextContent("0 of 3 steps done");
    expect(screen.getByTestId("step-due-fault-tolerance")).toHaveTextContent("Due in 2 days, Wed 5 Mar");
    expect(screen.getByTestId("step-due-messaging")).toHaveTextContent("Due in 4 days, Fri 7 Mar");
    expect(screen.getByTestId("track-step-fault-tolerance")).toHaveAttribute("aria-current", "step");
    expect(within(screen.getByTestId("track-next")).getByRole("link")).toHaveTextContent("1. Error handling and fault tolerance");
    const startedAt = JSON.parse(localStorage.getItem(FOLLOWING_KEY)!).state.following["test-track"].startedAt;
    expect(startedAt - MONDAY).toBeGreaterThanOrEqual(0);
    expect(startedAt - MONDAY).toBeLessThan(60_000); // the fake clock advances with real time

  });

  it("judges a step by the track's pass mark, then moves the learner's place when it is done", async () => {
    useFollowing.setState({ following: { "test-track": { startedAt: MONDAY } } });
    render(<TrackPath track={track} lessons={lessons} />);
    withFacts((f) => {
      f.checklist["fault-tolerance"] = { a: { value: true, at: at(MONDAY + 1) }, b: { value: true, at: at(MONDAY + 2) } };
      f.attempts["attempt-0001"] = { id: "attempt-0001", lessonId: "fault-tolerance", at: at(MONDAY + 3), responses: {}, correct: 17, total: 20 };
    });
    const first = screen.getByTestId("step-state-fault-tolerance");
    expect(first).toHaveTextContent("In progress");
    expect(first).toHaveTextContent("Best quiz score 85%; this track asks for 90%");

    withFacts((f) => {
      f.checklist["fault-tolerance"] = { a: { value: true, at: at(MONDAY + 1) }, b: { value: true, at: at(MONDAY + 2) } };
      f.attempts["attempt-0002"] = { id: "attempt-0002", lessonId: "fault-tolerance", at: at(MONDAY + DAY), responses: {}, correct: 19, total: 20 };
    });
    expect(screen.getByTestId("step-state-fault-tolerance")).toHaveTextContent("Done");
    expect(screen.getByTestId("step-due-fault-tolerance")).toHaveTextContent("Done on Tue 4 Mar");
    expect(screen.getByTestId("track-done")).toHaveTextContent("1 of 3 steps done");
    expect(screen.getByTestId("track-step-messaging")).toHaveAttribute("aria-current", "step");
    expect(screen.getByTestId("track-next")).toHaveTextContent("2. Message passing");
  });

  it("says a step is overdue once its day has passed, and done late once it is done after it", async () => {
    useFollowing.setState({ following: { "test-track": { startedAt: MONDAY } } });
    vi.setSystemTime(MONDAY + 3 * DAY);
    render(<TrackPath track={track} lessons={lessons} />);
    const due = await screen.findByTestId("step-due-fault-tolerance");
    expect(due).toHaveTextContent("Overdue by 1 day (due Wed 5 Mar)");
    expect(due).toHaveClass("text-bad");
    expect(screen.getByTestId("track-overdue")).toHaveTextContent("1 step is overdue");

    withFacts((f) => {
      f.checklist["fault-tolerance"] = { a: { value: true, at: at(MONDAY + 3 * DAY) }, b: { value: true, at: at(MONDAY + 3 * DAY) } };
      f.attempts["attempt-0001"] = { id: "attempt-0001", lessonId: "fault-tolerance", at: at(MONDAY + 3 * DAY), responses: {}, correct: 10, total: 10 };
    });
    expect(screen.getByTestId("step-due-fault-tolerance")).toHaveTextContent("Done on Thu 6 Mar, 1 day late");
    expect(screen.queryByTestId("track-overdue")).toBeNull();
  });

  it("stop following takes the dates away but keeps what was done", async () => {
    useFollowing.setState({ following: { "test-track": { startedAt: MONDAY } } });
    withFacts((f) => {
      f.checklist.messaging = { a: { value: true, at: at(MONDAY) } };
    });
    render(<TrackPath track={track} lessons={lessons} />);
    await user().click(await screen.findByRole("button", { name: "Stop following" }));
    expect(screen.getByTestId("track-status")).toHaveTextContent("Not following this track");
    expect(screen.getByTestId("step-due-messaging")).toHaveTextContent("Due 4 days after you start");
    expect(screen.getByTestId("step-state-messaging")).toHaveTextContent("In progress");
  });
});
