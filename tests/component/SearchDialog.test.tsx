// @vitest-environment jsdom
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Lesson } from "@/lib/content/types";
import { buildSearchIndex } from "@/lib/search/build";

const push = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ push }) }));

// jsdom has <dialog> without its behaviour; the browser's (focus trap, Escape, focus return)
// is checked end to end in tests/e2e/search.spec.ts.
beforeAll(() => {
  Object.defineProperty(HTMLDialogElement.prototype, "open", {
    configurable: true,
    get(this: HTMLDialogElement) {
      return this.hasAttribute("open");
    },
  });
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute("open")) return;
    this.removeAttribute("open");
    this.dispatchEvent(new Event("close"));
  };
  Element.prototype.scrollIntoView = () => {};
});

function lesson(id: string, number: number, title: string, sections: Lesson["sections"]): Lesson {
  return {
    id,
    number,
    title,
    summary: `${title}, in one sentence.`,
    minutes: 10,
    checklist: [{ id: "item", text: "I can name the item." }],
    sources: [],
    related: [],
    folder: `${String(number).padStart(2, "0")}-${id}`,
    quiz: { questions: [] },
    diagnostic: { questions: [] },
    code: "",
    headings: [],
    sections,
    wordCount: 0,
  };
}

const lessons = [
  lesson("fault-tolerance", 4, "Error handling and fault tolerance", [
    { id: "retries", heading: "Retries done right", depth: 2, text: "Retry with jitter, within a budget.", components: [] },
    { id: "breakers", heading: "Circuit breakers", depth: 2, text: "A breaker opens after failures and stops the retries.", components: [] },
  ]),
  lesson("concurrency", 8, "Concurrency, locking and idempotency", [
    { id: "keys", heading: "Idempotency keys", depth: 2, text: "An idempotency key makes a retry safe.", components: [] },
  ]),
];

function serve(body: unknown, ok = true) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => ({ ok, status: ok ? 200 : 503, json: async () => body })),
  );
}

// The index is kept in a module for the whole visit; each test starts from a fresh module.
async function open() {
  vi.resetModules();
  const { SearchDialog } = await import("@/components/search/SearchDialog");
  const onClose = vi.fn();
  render(<SearchDialog onClose={onClose} />);
  return { onClose, user: userEvent.setup() };
}

beforeEach(() => {
  push.mockReset();
  serve(JSON.parse(JSON.stringify(buildSearchIndex(lessons))));
});
afterEach(() => vi.unstubAllGlobals());

describe("SearchDialog", () => {
  it("opens as a modal dialog with the search field ready to type in", async () => {
    const { user } = await open();
    expect(screen.getByRole("dialog", { name: "Search lessons" })).toHaveAttribute("open");
    await screen.findByText(/Type to search the lessons/);
    await user.click(screen.getByRole("combobox", { name: "Search lessons" }));
    await user.keyboard("retry");
    expect(await screen.findAllByRole("option")).toHaveLength(3);
  });

  it("shows lesson, section and a snippet with the match marked", async () => {
    const { user } = await open();
    await screen.findByText(/Type to search/);
    await user.type(screen.getByRole("combobox"), "breaker");
    const [hit] = await screen.findAllByRole("option");
    expect(hit).toHaveTextContent("Practice 4 · Error handling and fault tolerance");
    expect(hit).toHaveTextContent("Circuit breakers");
    expect(hit?.querySelector("mark")?.textContent).toBe("breaker");
    expect(screen.getByRole("status")).toHaveTextContent("1 result.");
  });

  it("moves through results with the arrow keys, wrapping, and opens the chosen one's section with Enter", async () => {
    const { user, onClose } = await open();
    await screen.findByText(/Type to search/);
    const input = screen.getByRole("combobox");
    await user.type(input, "retry");
    const options = await screen.findAllByRole("option");
    expect(options[0]).toHaveAttribute("aria-selected", "true");
    expect(input).toHaveAttribute("aria-activedescendant", options[0]!.id);

    await user.keyboard("{ArrowDown}");
    expect(options[1]).toHaveAttribute("aria-selected", "true");
    expect(input).toHaveAttribute("aria-activedescendant", options[1]!.id);
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(options[2]).toHaveAttribute("aria-selected", "true");

    const chosen = options[2]!.textContent ?? "";
    await user.keyboard("{Enter}");
    expect(push).toHaveBeenCalledTimes(1);
    const href = String(push.mock.calls[0]?.[0]);
    const target = chosen.includes("Idempotency keys") ? "/lessons/concurrency#keys" : chosen.includes("Circuit") ? "/lessons/fault-tolerance#breakers" : "/lessons/fault-tolerance#retries";
    expect(href).toBe(target);
    expect(onClose).toHaveBeenCalled();
  });

  it("finds words by their beginning and despite a typo", async () => {
    const { user } = await open();
    await screen.findByText(/Type to search/);
    await user.type(screen.getByRole("combobox"), "idempot");
    expect(await screen.findByText("Idempotency keys")).toBeInTheDocument();
    await user.clear(screen.getByRole("combobox"));
    await user.type(screen.getByRole("combobox"), "breakr");
    expect(await screen.findByText("Circuit breakers")).toBeInTheDocument();
  });

  it("opens a result on click, and closes from its close button", async () => {
    const { user, onClose } = await open();
    await screen.findByText(/Type to search/);
    await user.type(screen.getByRole("combobox"), "idempotency");
    await user.click(await screen.findByText("Idempotency keys"));
    expect(push).toHaveBeenCalledWith("/lessons/concurrency#keys");
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("says when nothing matched", async () => {
    const { user } = await open();
    await screen.findByText(/Type to search/);
    await user.type(screen.getByRole("combobox"), "zzzqqq");
    // The status line exists from the start ("Loading the search index…"): wait for what it says.
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("No results for “zzzqqq”."));
    expect(screen.queryAllByRole("option")).toHaveLength(0);
    expect(screen.getByRole("combobox")).toHaveAttribute("aria-expanded", "false");
  });

  it("explains, rather than crashes, when the index cannot be downloaded or read", async () => {
    serve(null, false);
    await open();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Search is unavailable: the search index could not be downloaded."));
    serve({ format: "something else" });
    await open();
    await waitFor(() => expect(screen.getAllByRole("status").at(-1)).toHaveTextContent("the search index is not in the expected format"));
  });
});
