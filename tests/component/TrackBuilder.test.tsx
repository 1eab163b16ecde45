// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type BuilderTrack, TrackBuilder } from "@/components/tracks/builder/TrackBuilder";

const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: vi.fn() }) }));

const lessons = [
  { id: "system-architecture", number: 1, title: "Understand system architecture" },
  { id: "communication-patterns", number: 2, title: "Communication patterns" },
  { id: "data-consistency", number: 3, title: "Data consistency" },
];
const members = [{ memberId: "m1", name: "Mo Member", role: "member" as const }];

function draft(lessonIds: string[]): BuilderTrack {
  return {
    id: "3f0c7a52-8f0e-4b7e-9a53-2b9b0c7d1e11",
    content: { title: "Onboarding", summary: "", passMark: 80, assessment: null, steps: lessonIds.map((lessonId) => ({ lessonId, due: { kind: "none" }, note: "" })) },
    status: "draft",
    revision: 0,
    wholeTeam: false,
    memberIds: [],
  };
}

const order = () => screen.getAllByTestId("builder-step").map((li) => within(li).getByText(/^Step \d+:/).textContent);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("the track builder", () => {
  it("reorders from the keyboard: the step moves, the focus stays with it, the move is announced", async () => {
    render(<TrackBuilder teamId="t1" initial={draft(["system-architecture", "communication-patterns", "data-consistency"])} lessons={lessons} members={members} />);
    screen.getByRole("button", { name: "Move “Data consistency” up" }).focus();
    await userEvent.keyboard("{Enter}");
    expect(order()).toEqual(["Step 1: Understand system architecture", "Step 2: Data consistency", "Step 3: Communication patterns"]);
    expect(screen.getByRole("button", { name: "Move “Data consistency” up" })).toHaveFocus();
    expect(screen.getByTestId("move-announcement")).toHaveTextContent("“Data consistency” moved to step 2 of 3.");
    await userEvent.keyboard("{Enter}");
    // At the top its Up button is disabled, so the focus goes to its Down button.
    expect(order()[0]).toBe("Step 1: Data consistency");
    expect(screen.getByRole("button", { name: "Move “Data consistency” down" })).toHaveFocus();
    expect(screen.getByText("Unsaved changes")).toBeInTheDocument();
  });

  it("reorders by dragging a handle with a touch pointer: a line shows where it lands, the move is announced", () => {
    render(<TrackBuilder teamId="t1" initial={draft(["system-architecture", "communication-patterns", "data-consistency"])} lessons={lessons} members={members} />);
    // jsdom lays nothing out: give each step a 100 px tall box, one under the other.
    screen.getAllByTestId("builder-step").forEach((li, i) => {
      vi.spyOn(li, "getBoundingClientRect").mockReturnValue({ top: i * 100, height: 100, bottom: i * 100 + 100, left: 0, right: 300, width: 300, x: 0, y: i * 100, toJSON: () => ({}) });
    });
    const scrollBy = vi.spyOn(window, "scrollBy").mockImplementation(() => {});
    const handle = within(screen.getAllByTestId("builder-step")[2]!).getByTestId("drag-handle");
    const touch = { pointerId: 7, pointerType: "touch", isPrimary: true };
    fireEvent.pointerDown(handle, { ...touch, clientY: 250 });
    // Above the first step's middle: it would land first, drawn as a line above step 1.
    fireEvent.pointerMove(handle, { ...touch, clientY: 40 });
    expect(screen.getAllByTestId("builder-step")[0]).toHaveAttribute("data-drop", "before");
    // Near the window's top edge the page scrolls up, so a long list can be crossed by touch.
    expect(scrollBy).toHaveBeenCalledWith(0, -16);
    // Another pointer (a second finger) does not move it.
    fireEvent.pointerUp(handle, { pointerId: 8, pointerType: "touch", clientY: 140 });
    expect(order()[2]).toBe("Step 3: Data consistency");
    fireEvent.pointerUp(handle, { ...touch, clientY: 40 });
    expect(order()).toEqual(["Step 1: Data consistency", "Step 2: Understand system architecture", "Step 3: Communication patterns"]);
    expect(screen.getByTestId("move-announcement")).toHaveTextContent("“Data consistency” moved to step 1 of 3.");
    expect(screen.getAllByTestId("builder-step").some((li) => li.hasAttribute("data-drop"))).toBe(false);
  });

  it("a cancelled drag (the browser took the touch for a scroll) changes nothing", () => {
    render(<TrackBuilder teamId="t1" initial={draft(["system-architecture", "communication-patterns"])} lessons={lessons} members={members} />);
    const handle = within(screen.getAllByTestId("builder-step")[0]!).getByTestId("drag-handle");
    fireEvent.pointerDown(handle, { pointerId: 1, pointerType: "touch", clientY: 10 });
    fireEvent.pointerCancel(handle, { pointerId: 1, pointerType: "touch" });
    fireEvent.pointerUp(handle, { pointerId: 1, pointerType: "touch", clientY: 500 });
    expect(order()).toEqual(["Step 1: Understand system architecture", "Step 2: Communication patterns"]);
    expect(screen.queryByText("Unsaved changes")).toBeNull();
  });

  it("lists every problem in a focused summary, with links to the fields, and sends nothing", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    render(<TrackBuilder teamId="t1" initial={draft([])} lessons={lessons} members={members} />);
    await userEvent.clear(screen.getByLabelText("Title"));
    await userEvent.clear(screen.getByLabelText(/Pass mark/));
    await userEvent.type(screen.getByLabelText(/Pass mark/), "30");
    await userEvent.click(screen.getByRole("button", { name: "Publish" }));
    const summary = screen.getByTestId("error-summary");
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole("link", { name: "Title: Give the track a title." })).toHaveAttribute("href", "#title");
    expect(within(summary).getByRole("link", { name: "Pass mark: Enter a whole percentage from 50 to 100." })).toHaveAttribute("href", "#passMark");
    expect(within(summary).getByRole("link", { name: "Steps: Add at least one lesson before publishing." })).toBeInTheDocument();
    expect(screen.getByLabelText("Title")).toHaveAttribute("aria-invalid", "true");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the server's field errors on the step they name", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        new Response(JSON.stringify({ type: "urn:quorum:problem:validation-failed", title: "t", status: 400, detail: "steps.0.due.date: must be a calendar date", errors: [{ field: "steps.0.due.date", message: "must be a calendar date written YYYY-MM-DD" }] }), {
          status: 400,
          headers: { "content-type": "application/problem+json" },
        }),
      ),
    );
    const start = draft(["system-architecture"]);
    start.content.title = "Old";
    render(<TrackBuilder teamId="t1" initial={start} lessons={lessons} members={members} />);
    await userEvent.type(screen.getByLabelText("Title"), "er");
    await userEvent.click(screen.getByRole("button", { name: "Save draft" }));
    const summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link", { name: "Due date of “Understand system architecture”: must be a calendar date written YYYY-MM-DD" })).toHaveAttribute("href", "#steps.0.due");
  });
});
