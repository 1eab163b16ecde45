// @vitest-environment jsdom
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const load = vi.hoisted(() => ({ scenario: vi.fn() }));
vi.mock("@/lib/sim/catalog", () => ({
  isScenarioId: (id: string) => id === "retry-storm",
  loadScenario: load.scenario,
}));
vi.mock("@/components/demos/DemoFrame", () => ({
  default: ({ scenario }: { scenario: { title: string } }) => <p>Frame for {scenario.title}</p>,
}));

import { DemoSlot } from "@/components/demos/DemoSlot";

/** jsdom has no IntersectionObserver: this one reports the slot as near at once. */
class NearObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe() {
    this.callback([{ isIntersecting: true } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
  disconnect() {}
}

const reserve = { phone: 900, wide: 700 };

describe("DemoSlot", () => {
  beforeEach(() => {
    vi.stubGlobal("IntersectionObserver", NearObserver);
    load.scenario.mockReset();
  });
  afterEach(() => vi.unstubAllGlobals());

  it("says so when the demo cannot be loaded, and loads it when asked to try again", async () => {
    load.scenario.mockRejectedValueOnce(new TypeError("Failed to fetch dynamically imported module")).mockResolvedValueOnce({ title: "Retry storm" });
    render(<DemoSlot scenarioId="retry-storm" reserve={reserve} />);

    // The status line says "Loading the demo…" first: wait for what it says next.
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("could not be loaded"));
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));

    expect(await screen.findByText("Frame for Retry storm")).toBeInTheDocument();
    expect(load.scenario).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  });

  it("offers no retry while loading or for a demo that does not exist", async () => {
    let resolve: (value: { title: string }) => void = () => {};
    load.scenario.mockReturnValueOnce(new Promise((r) => (resolve = r)));
    const { unmount } = render(<DemoSlot scenarioId="retry-storm" reserve={reserve} />);
    expect(screen.getByRole("status")).toHaveTextContent("Loading the demo");
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
    await waitFor(() => expect(load.scenario).toHaveBeenCalled());
    await act(async () => resolve({ title: "Retry storm" }));
    expect(await screen.findByText("Frame for Retry storm")).toBeInTheDocument();
    unmount();

    render(<DemoSlot scenarioId="no-such-demo" reserve={reserve} />);
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("There is no demo called “no-such-demo”."));
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });
});
