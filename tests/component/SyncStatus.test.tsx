// @vitest-environment jsdom
import { act, render, screen, within } from "@testing-library/react";
import { SyncStatus } from "@/components/account/SyncStatus";
import { setSyncStatus, type SyncStatus as Status } from "@/lib/sync/status";

const { startBrowserSync } = vi.hoisted(() => ({ startBrowserSync: vi.fn(() => () => {}) }));
vi.mock("@/lib/sync/browser", () => ({ startBrowserSync }));

const NOW = Date.parse("2026-03-10T12:00:00Z");

afterEach(() => {
  vi.useRealTimers();
});

beforeEach(() => {
  setSyncStatus({ kind: "signed-out" });
  document.cookie = "quorum-signed-in=; max-age=0";
  startBrowserSync.mockClear();
});

function show(status: Status) {
  const view = render(<SyncStatus />);
  act(() => setSyncStatus(status));
  return view;
}

describe("SyncStatus", () => {
  it("renders nothing, and loads no sync code, for a visitor who is not signed in", async () => {
    const { container } = render(<SyncStatus />);
    await act(async () => {});
    expect(container).toBeEmptyDOMElement();
    expect(startBrowserSync).not.toHaveBeenCalled();
  });

  it("starts sync when the signed-in hint is there", async () => {
    document.cookie = "quorum-signed-in=1";
    render(<SyncStatus />);
    await vi.waitFor(() => expect(startBrowserSync).toHaveBeenCalledTimes(1));
  });

  it.each<[string, Status, string, string | null]>([
    ["synced", { kind: "synced", at: NOW - 120_000 }, "Synced", "2 min ago"],
    ["syncing", { kind: "syncing" }, "Syncing…", null],
    ["offline with changes waiting", { kind: "offline", pending: 3, retryAt: null }, "Offline: 3 changes waiting", "syncs when back online"],
    ["offline, retrying", { kind: "offline", pending: 1, retryAt: NOW + 8_000 }, "Offline: 1 change waiting", "can't reach the server, retrying in 8 s"],
    [
      "an error",
      { kind: "error", problem: "the server had a problem", pending: 2, retryAt: NOW + 20_000 },
      "Not synced, 2 changes waiting",
      "the server had a problem; retrying in 20 s",
    ],
  ])("says %s in words, in a polite live region", (_name, status, label, detail) => {
    vi.useFakeTimers({ now: NOW });
    show(status);
    const live = screen.getByRole("status");
    expect(live).toHaveTextContent(label);
    // The phone's shorter words are hidden from screen readers, which get the whole label.
    expect(within(live).getAllByText(label).filter((el) => el.getAttribute("aria-hidden") !== "true")).toHaveLength(1);
    expect(live).toHaveAttribute("aria-live", "polite");
    // The detail changes as time passes, so it stays out of the live region (not announced every second).
    if (detail) {
      expect(screen.getByText(detail)).toBeInTheDocument();
      expect(live).not.toHaveTextContent(detail);
    }
  });

  it("disappears again when sync stops (signed out)", () => {
    const { container } = show({ kind: "syncing" });
    expect(container).not.toBeEmptyDOMElement();
    act(() => setSyncStatus({ kind: "signed-out" }));
    expect(container).toBeEmptyDOMElement();
  });

  it("keeps its relative time up to date", () => {
    vi.useFakeTimers({ now: NOW });
    show({ kind: "synced", at: NOW });
    expect(screen.getByText("just now")).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(180_000));
    expect(screen.getByText("3 min ago")).toBeInTheDocument();
  });
});
