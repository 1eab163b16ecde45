// @vitest-environment jsdom
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import DemoFrame from "@/components/demos/DemoFrame";
import { DemoTables } from "@/components/demos/DemoTables";
import { EventList } from "@/components/demos/EventList";
import type { NotableEvent, SnapshotTable } from "@/lib/sim";
import { lostUpdate } from "../fixtures/lost-update-scenario";

beforeAll(() => {
  // jsdom has neither; the frame measures widths and asks about reduced motion.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  window.matchMedia ??= (query: string) =>
    ({ matches: false, media: query, addEventListener() {}, removeEventListener() {} }) as unknown as MediaQueryList;
});

const matrix: SnapshotTable = {
  id: "compat",
  title: "Who can read what",
  rowHeader: "Writer",
  columns: ["reader v1", "reader v2"],
  rows: [
    { label: "writer v1", cells: [{ text: "ok", tone: "good" }, { text: "ok", tone: "good" }] },
    { label: "writer v2", cells: [{ text: "breaks", tone: "bad" }, { text: "ok", tone: "good" }] },
  ],
};

describe("DemoTables", () => {
  it("renders a real table: caption, column headers and row headers, so each cell is announced with both", () => {
    render(<DemoTables tables={[matrix]} />);
    const table = screen.getByRole("table", { name: "Who can read what" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Writer", "reader v1", "reader v2"]);
    expect(within(table).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["writer v1", "writer v2"]);
    const row = within(table).getByRole("row", { name: /writer v2/ });
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["✗breaks", "✓ok"]);
    // The symbol is decoration; assistive tech hears the cell's words.
    expect(within(row).getByText("✗")).toHaveAttribute("aria-hidden", "true");
    // Should a table be too wide even stacked, it scrolls inside a focusable region, not the page.
    expect(screen.getByRole("region", { name: "Who can read what" })).toHaveAttribute("tabindex", "0");
  });

  it("a table that fits stays a plain table", () => {
    render(<DemoTables tables={[matrix]} />);
    expect(screen.getByRole("region", { name: "Who can read what" })).toHaveAttribute("data-layout", "table");
  });

  it("a table wider than the frame stacks each row's label over its cells, and is still the same table to a screen reader", () => {
    // jsdom has no layout: the region says its table is wider than it (a phone).
    vi.spyOn(HTMLElement.prototype, "scrollWidth", "get").mockReturnValue(401);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(284);
    render(<DemoTables tables={[matrix]} />);
    expect(screen.getByRole("region", { name: "Who can read what" })).toHaveAttribute("data-layout", "stacked");
    const table = screen.getByRole("table", { name: "Who can read what" });
    expect(within(table).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Writer", "reader v1", "reader v2"]);
    expect(within(table).getAllByRole("rowheader").map((h) => h.textContent)).toEqual(["writer v1", "writer v2"]);
    const row = within(table).getByRole("row", { name: /writer v2/ });
    expect(within(row).getAllByRole("cell").map((c) => c.textContent)).toEqual(["✗breaks", "✓ok"]);
    // Each label takes a line of its own; the cells share the next in equal columns.
    expect(within(row).getByRole("rowheader")).toHaveClass("basis-full");
    for (const cell of within(row).getAllByRole("cell")) expect(cell).toHaveClass("flex-1");
    vi.restoreAllMocks();
  });

  it("renders nothing without tables", () => {
    const { container } = render(<DemoTables tables={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe("EventList", () => {
  const events: NotableEvent[] = [
    { t: 1200, text: "order 17 charged once", tone: "info" },
    { t: 3400, text: "order 17 charged twice", tone: "bad" },
  ];

  it("lists events newest first, with their time and their tone in words for screen readers", () => {
    render(<EventList events={events} total={2} />);
    const items = within(screen.getByRole("region", { name: "Notable events, newest first" })).getAllByRole("listitem");
    expect(items.map((i) => i.textContent)).toEqual(["3.4 s✗Problem: order 17 charged twice", "1.2 s•Note: order 17 charged once"]);
    expect(screen.getByRole("region", { name: "Notable events, newest first" })).toHaveAttribute("tabindex", "0");
  });

  it("says when nothing has happened yet, and how many are not shown", () => {
    const { rerender } = render(<EventList events={[]} total={0} />);
    expect(screen.getByText("Nothing notable yet.")).toBeInTheDocument();
    rerender(<EventList events={events} total={75} />);
    expect(screen.getByText("latest 2 of 75, newest first")).toBeInTheDocument();
  });
});

describe("DemoFrame with a scenario that has tables, events and a seed check", () => {
  it("runs the sweep, loads a failing seed to replay, and shows every seed passing once the fix is on", async () => {
    const user = userEvent.setup();
    render(<DemoFrame scenario={lostUpdate} />);
    expect(screen.getByRole("table", { name: "Increments per client" })).toBeInTheDocument();
    expect(screen.getByText("Nothing notable yet.")).toBeInTheDocument();

    const sweep = screen.getByRole("region", { name: /Seed sweep: no increment is lost/ });
    await user.click(within(sweep).getByRole("button", { name: "Check seeds 1–20" }));
    await waitFor(() => expect(within(sweep).getByText(/of 20 seeds pass;/)).toBeInTheDocument(), { timeout: 10_000 });
    const chips = within(sweep).getAllByRole("button", { name: /^Seed \d+: (passes|fails)\. Load it\.$/ });
    expect(chips).toHaveLength(20);
    const failing = within(sweep).getAllByRole("button", { name: /fails/ });
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.length).toBeLessThan(20);

    // Load a failing seed: the demo starts over at t = 0 with that seed, ready to step.
    const seed = Number(/Seed (\d+)/.exec(failing.at(-1)!.getAttribute("aria-label") ?? "")?.[1]);
    await user.click(failing.at(-1)!);
    expect(screen.getByRole("spinbutton", { name: "Seed" })).toHaveValue(seed);
    expect(failing.at(-1)).toHaveAttribute("aria-current", "true");
    expect(screen.getByTestId("demo-time")).toHaveTextContent("t = 0.0 s");
    await user.click(screen.getByRole("button", { name: "Run to end" }));
    expect(screen.getByTestId("demo-summary").textContent).toMatch(/[1-9]\d* lost/);
    expect(within(screen.getByTestId("demo-events")).getAllByRole("listitem")[0]).toHaveTextContent(/Problem: .*an increment is lost/);

    // Turn on the fix: the sweep follows the parameters and every seed passes.
    await user.click(screen.getByRole("switch", { name: "Compare-and-set" }));
    await waitFor(() => expect(within(sweep).getByText("All 20 seeds pass.")).toBeInTheDocument(), { timeout: 10_000 });
    expect(within(sweep).queryAllByRole("button", { name: /fails/ })).toHaveLength(0);
  }, 30_000);

  it("shows no sweep, events or tables for a scenario without them", async () => {
    const { scenarios } = await import("@/lib/sim");
    render(<DemoFrame scenario={scenarios["replica-lag"]} />);
    expect(screen.queryByTestId("demo-sweep")).toBeNull();
    expect(screen.queryByTestId("demo-events")).toBeNull();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
