// @vitest-environment jsdom
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AssignedTracks } from "@/components/tracks/assigned/AssignedTracks";
import { useProgress } from "@/lib/progress/store";
import { emptyFacts } from "@/lib/progress/types";
import { useAssigned } from "@/lib/tracks/assigned";

vi.mock("next/navigation", () => ({ useRouter: () => ({ prefetch: () => {} }) }));

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 10, 12);
const lessons = [
  { id: "system-architecture", title: "Understand system architecture", checklistIds: ["a"], hasQuiz: true },
  { id: "observability", title: "Logging and observability", checklistIds: ["b"], hasQuiz: true },
];
const TRACK_ID = "3f0c7a52-8f0e-4b7e-9a53-2b9b0c7d1e11";
const answer = {
  tracks: [
    {
      team: { id: "t1", name: "Payments" },
      track: {
        id: TRACK_ID,
        title: "Payments onboarding",
        summary: "",
        passMark: 70,
        assessment: null,
        steps: [
          { lessonId: "system-architecture", due: { kind: "days", days: 2 }, note: "" },
          { lessonId: "observability", due: { kind: "days", days: 30 }, note: "" },
        ],
      },
      revision: 2,
      startedAt: new Date(NOW - 5 * DAY).toISOString(),
      seenRevision: 1,
      changes: [],
      changeSummary: ["“Logging and observability” is now due 30 days after you started (it was due 20 days after you started)."],
    },
  ],
};

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
  useProgress.setState({ facts: emptyFacts(), hydrated: true });
  useAssigned.setState({ state: { status: "idle" } });
  document.cookie = "quorum-signed-in=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/";
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("assigned team tracks on the home page", () => {
  it("signed out: shows nothing and sends no request", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const { container } = render(<AssignedTracks lessons={lessons} />);
    await waitFor(() => expect(useAssigned.getState().state.status).toBe("signed-out"));
    expect(container).toBeEmptyDOMElement();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("signed in: progress, the overdue step in words, what changed, and Got it marks it seen", async () => {
    document.cookie = "quorum-signed-in=1; path=/";
    const fetch = vi.fn(async (url: string) => (url.endsWith("/seen") ? new Response('{"seenRevision":2}') : new Response(JSON.stringify(answer))));
    vi.stubGlobal("fetch", fetch);
    render(<AssignedTracks lessons={lessons} />);
    const card = await screen.findByTestId(`assigned-${TRACK_ID}`);
    await waitFor(() => expect(card).toHaveTextContent("0 of 2 steps done1 overdue"));
    expect(screen.getByTestId(`assigned-next-${TRACK_ID}`)).toHaveTextContent("Next: Understand system architectureOverdue by 3 days");
    expect(screen.getByText("Overdue by 3 days", { exact: false })).toHaveClass("text-bad");
    expect(card).toHaveTextContent("now due 30 days after you started");
    await userEvent.click(screen.getByRole("button", { name: "Got it" }));
    expect(screen.queryByTestId(`changes-${TRACK_ID}`)).toBeNull();
    expect(fetch).toHaveBeenCalledWith(`/api/v1/me/tracks/${TRACK_ID}/seen`, expect.objectContaining({ method: "POST", body: JSON.stringify({ revision: 2 }) }));
  });

  it("counts days in the team's time zone, not the browser's, and says which zone", async () => {
    document.cookie = "quorum-signed-in=1; path=/";
    // Noon UTC on 10 March is already 02:00 on 11 March in Kiritimati (UTC+14): a step due on the 10th is overdue there.
    const dueTenth = (team: Record<string, string>) => ({
      tracks: [{ ...answer.tracks[0], team, seenRevision: 2, changeSummary: [], track: { ...answer.tracks[0]!.track, steps: [{ lessonId: "system-architecture", due: { kind: "date", date: "2026-03-10" }, note: "" }] } }],
    });
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(dueTenth({ id: "t1", name: "Payments", timeZone: "Pacific/Kiritimati" })))));
    const { unmount } = render(<AssignedTracks lessons={lessons} />);
    const next = await screen.findByTestId(`assigned-next-${TRACK_ID}`);
    expect(next).toHaveTextContent("Overdue by 1 day (due Tue 10 Mar)(Pacific/Kiritimati time)");
    unmount();

    // A zone the browser does not know (or none, from an older server): UTC days.
    useAssigned.setState({ state: { status: "idle" } });
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(dueTenth({ id: "t1", name: "Payments", timeZone: "Mars/Olympus_Mons" })))));
    render(<AssignedTracks lessons={lessons} />);
    expect(await screen.findByTestId(`assigned-next-${TRACK_ID}`)).toHaveTextContent("Due today, Tue 10 Mar(UTC time)");
  });
});
