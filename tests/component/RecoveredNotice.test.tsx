// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { RecoveredNotice } from "@/components/progress/RecoveredNotice";
import { unreadableFileName } from "@/components/progress/StorageFullNotice";
import { PROGRESS_KEY } from "@/lib/progress/format";
import { useProgress } from "@/lib/progress/store";

const original = useProgress.getState();
const data = "{not json at all";
let downloads: { name: string; blob: Blob }[];
let discard: ReturnType<typeof vi.fn<() => boolean>>;

beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.stubGlobal("URL", Object.assign(Object.create(URL), {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: () => {},
  }));
  vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! });
  });
  discard = vi.fn(() => true);
  useProgress.setState({
    recovered: { backupKey: PROGRESS_KEY, reason: "it is not valid JSON", leftInPlace: true },
    unreadableProgress: () => data,
    discardUnreadableProgress: discard,
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  useProgress.setState(original, true);
});

describe("RecoveredNotice when storage was too full to copy the bad data aside", () => {
  it("explains that saving is paused and offers a way out", async () => {
    render(<RecoveredNotice />);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("because it is not valid JSON");
    expect(alert).toHaveTextContent("what you tick now will be lost when you reload");
    expect(screen.getByRole("button", { name: "Download the unreadable data" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Delete it without a copy…" })).toBeInTheDocument();
  });

  it("downloads the data as it is stored, and frees the space only once the learner says the file is safe", async () => {
    const user = userEvent.setup();
    render(<RecoveredNotice />);
    await user.click(await screen.findByRole("button", { name: "Download the unreadable data" }));
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.name).toMatch(/^quorum-progress-unreadable-\d{4}-\d{2}-\d{2}\.txt$/);
    expect(await downloads[0]!.blob.text()).toBe(data);
    expect(discard).not.toHaveBeenCalled();
    expect(screen.getByTestId("unreadable-downloaded")).toHaveTextContent(`Downloaded as ${downloads[0]!.name}`);

    const free = screen.getByRole("button", { name: "I have the file: free the space" });
    expect(free).toHaveFocus();
    await user.click(free);
    expect(discard).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("status")).toHaveTextContent("Quorum is saving your progress again");
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("status")).not.toBeInTheDocument();
  });

  it("discards without a copy only after a confirmation, and Cancel goes back", async () => {
    const user = userEvent.setup();
    render(<RecoveredNotice />);
    await user.click(await screen.findByRole("button", { name: "Delete it without a copy…" }));
    expect(screen.getByRole("alert")).toHaveTextContent("It cannot be brought back.");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(discard).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "Delete it without a copy…" }));
    await user.click(screen.getByRole("button", { name: "Delete it and resume saving" }));
    expect(discard).toHaveBeenCalledTimes(1);
    expect(downloads).toHaveLength(0);
  });

  it("says so when storage still refuses to save", async () => {
    discard.mockReturnValue(false);
    const user = userEvent.setup();
    render(<RecoveredNotice />);
    await user.click(await screen.findByRole("button", { name: "Download the unreadable data" }));
    await user.click(screen.getByRole("button", { name: "I have the file: free the space" }));
    expect(screen.getByRole("status")).toHaveTextContent("this browser still refuses to save");
  });

  it("can be put off for this visit", async () => {
    const user = userEvent.setup();
    render(<RecoveredNotice />);
    await user.click(await screen.findByRole("button", { name: "Not now" }));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(discard).not.toHaveBeenCalled();
  });
});

describe("RecoveredNotice when the bad data was copied aside", () => {
  it("names the backup key and offers nothing more than Dismiss", () => {
    useProgress.setState({ recovered: { backupKey: `${PROGRESS_KEY}.backup.5`, reason: "it has no version number" } });
    render(<RecoveredNotice />);
    expect(screen.getByRole("alert")).toHaveTextContent(`${PROGRESS_KEY}.backup.5`);
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Dismiss"]);
  });
});

describe("unreadableFileName", () => {
  it("keeps .json for data that still parses, .txt otherwise", () => {
    const day = new Date("2026-03-04T10:00:00Z");
    expect(unreadableFileName('{"version":9}', day)).toBe("quorum-progress-unreadable-2026-03-04.json");
    expect(unreadableFileName("{broken", day)).toBe("quorum-progress-unreadable-2026-03-04.txt");
  });
});

describe("RecoveredNotice when the checks for stored progress did not load", () => {
  it("says nothing is being saved and offers to try again, then says how the retry went", async () => {
    const user = userEvent.setup();
    let attempts = 0;
    const retryReading = vi.fn(async () => {
      attempts++;
      useProgress.setState({ unsaved: attempts < 2 });
    });
    useProgress.setState({ recovered: null, unsaved: true, retryReading });
    render(<RecoveredNotice />);
    expect(await screen.findByRole("alert")).toHaveTextContent("not saved until it is read");

    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Still not loaded");
    await user.click(screen.getByRole("button", { name: "Dismiss" }));

    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("status")).toHaveTextContent("saving has resumed");
    expect(retryReading).toHaveBeenCalledTimes(2);
  });
});


describe("RecoveredNotice when a retry reads data that has to be set aside", () => {
  it("says how the retry went first, then what was set aside", async () => {
    const user = userEvent.setup();
    const retryReading = vi.fn(async () => {
      useProgress.setState({ unsaved: false, recovered: { backupKey: `${PROGRESS_KEY}.backup.9`, reason: "it is not valid JSON" } });
    });
    useProgress.setState({ recovered: null, unsaved: true, retryReading });
    render(<RecoveredNotice />);
    await user.click(await screen.findByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("status")).toHaveTextContent("saving has resumed");
    expect(screen.queryByRole("alert")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.getByRole("alert")).toHaveTextContent(`${PROGRESS_KEY}.backup.9`);
  });
});
