// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import type { LessonSummary } from "@/lib/content/types";
import { useProgress } from "@/lib/progress/store";
import { emptyFacts } from "@/lib/progress/types";
import { useFollowing } from "@/lib/tracks/store";
import type { TrackOutline } from "@/lib/tracks/types";
import { CurriculumMap } from "@/components/curriculum/CurriculumMap";

// The map's links prefetch on intent through the app router, which jsdom has not mounted.
vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: () => {} }) }));

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 2, 10, 12);

const lesson = (id: string, number: number, title: string): LessonSummary => ({ id, number, title, summary: "", minutes: 10, checklistIds: ["a"], hasQuiz: true });
const lessons = [lesson("system-architecture", 1, "Understand system architecture"), lesson("communication-patterns", 2, "Communication patterns"), lesson("fault-tolerance", 4, "Fault tolerance")];
const track: TrackOutline = {
  id: "on-call",
  title: "On call",
  passMark: 80,
  assessment: null,
  steps: [
    { lessonId: "fault-tolerance", due: { kind: "days", days: 1 } },
    { lessonId: "system-architecture", due: { kind: "days", days: 10 } },
  ],
};

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  localStorage.clear();
  useProgress.setState({ facts: emptyFacts(), hydrated: true });
  useFollowing.setState({ following: {}, recovered: null });
});
afterEach(() => vi.useRealTimers());

describe("the curriculum map with tracks", () => {
  it("invites the learner to follow a track when they follow none", async () => {
    render(<CurriculumMap lessons={lessons} totalPractices={20} tracks={[track]} />);
    expect(await screen.findByRole("link", { name: "Follow a track" })).toHaveAttribute("href", "/tracks");
    expect(screen.queryByTestId("track-marks-fault-tolerance")).toBeNull();
  });

  it("shows the followed track: what is next and overdue, and each of its lessons' step", async () => {
    render(<CurriculumMap lessons={lessons} totalPractices={20} tracks={[track]} />);
    act(() => useFollowing.setState({ following: { "on-call": { startedAt: NOW - 3 * DAY } } }));
    const panel = await screen.findByTestId("followed-on-call");
    expect(panel).toHaveTextContent("0 of 2 steps done");
    expect(panel).toHaveTextContent("1 overdue");
    expect(screen.getByTestId("followed-next-on-call")).toHaveTextContent("Next on this track: Fault tolerance");
    expect(screen.getByTestId("followed-next-on-call")).toHaveTextContent("Overdue by 2 days");
    expect(screen.getByTestId("track-marks-fault-tolerance")).toHaveTextContent("Step 1 of On call");
    expect(screen.getByTestId("track-marks-fault-tolerance")).toHaveTextContent("Next");
    expect(screen.getByTestId("track-marks-system-architecture")).toHaveTextContent("Step 2 of On call");
    expect(screen.getByTestId("track-marks-system-architecture")).toHaveTextContent("Due in 7 days");
    expect(screen.queryByTestId("track-marks-communication-patterns")).toBeNull();
  });
});
