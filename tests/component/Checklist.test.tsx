// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Checklist } from "@/components/checklist/Checklist";
import { useProgress } from "@/lib/progress/store";
import { emptyFacts } from "@/lib/progress/types";

const items = [
  { id: "timeouts", text: "Every call has a `timeout`." },
  { id: "jitter", text: "I can add jitter." },
  { id: "budget", text: "I can set a retry budget." },
];

beforeEach(() => {
  localStorage.clear();
  useProgress.setState({ facts: emptyFacts() });
});

describe("Checklist", () => {
  it("ticks and unticks items, updating the count and the store at once", async () => {
    const user = userEvent.setup();
    render(<Checklist lessonId="fault-tolerance" items={items} />);
    expect(screen.getByText("0 of 3 done")).toBeInTheDocument();
    expect(screen.getByText("timeout").tagName).toBe("CODE");

    await user.click(screen.getByRole("checkbox", { name: /I can add jitter/ }));
    expect(screen.getByText("1 of 3 done")).toBeInTheDocument();
    expect(useProgress.getState().facts.checklist["fault-tolerance"]?.jitter?.value).toBe(true);

    await user.keyboard("{Tab}");
    await user.keyboard(" ");
    expect(screen.getByText("2 of 3 done")).toBeInTheDocument();

    await user.click(screen.getByRole("checkbox", { name: /I can add jitter/ }));
    expect(screen.getByText("1 of 3 done")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: /I can add jitter/ })).not.toBeChecked();
  });

  it("shows ticks that arrive from elsewhere (another tab, an import)", async () => {
    render(<Checklist lessonId="fault-tolerance" items={items} />);
    const at = { wall: 10, counter: 0, device: "other-tab" };
    const { act } = await import("react");
    act(() => {
      useProgress.getState().mergeFrom({ ...emptyFacts(), checklist: { "fault-tolerance": { budget: { value: true, at } } } });
    });
    expect(screen.getByRole("checkbox", { name: /retry budget/ })).toBeChecked();
    expect(screen.getByText("1 of 3 done")).toBeInTheDocument();
  });
});
