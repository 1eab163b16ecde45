// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SearchButton } from "@/components/search/SearchButton";

// The dialog itself is tested in SearchDialog.test.tsx; here it only has to open and close.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute("open");
    this.dispatchEvent(new Event("close"));
  };
});
beforeEach(() => {
  // The index never arrives: these tests are about opening, not searching.
  vi.stubGlobal("fetch", vi.fn(() => new Promise(() => {})));
});
afterEach(() => vi.unstubAllGlobals());

function page() {
  render(
    <>
      <SearchButton />
      <input aria-label="Name" />
      <textarea aria-label="Notes" />
      <div aria-label="Editor" contentEditable suppressContentEditableWarning role="textbox" />
    </>,
  );
}

describe("SearchButton", () => {
  it("opens search from the button and closes it again", async () => {
    const user = userEvent.setup();
    page();
    await user.click(screen.getByRole("button", { name: "Search" }));
    expect(await screen.findByRole("dialog", { name: "Search lessons" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Close search" }));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
  });

  it("opens on / pressed anywhere on the page", async () => {
    const user = userEvent.setup();
    page();
    await user.keyboard("/");
    expect(await screen.findByRole("dialog", { name: "Search lessons" })).toBeInTheDocument();
  });

  it.each([
    ["an input", "Name"],
    ["a textarea", "Notes"],
    ["a contenteditable element", "Editor"],
  ])("leaves / alone while the learner types in %s", async (_, label) => {
    const user = userEvent.setup();
    page();
    await user.click(screen.getByLabelText(label));
    await user.keyboard("a/b");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    const field = screen.getByLabelText(label);
    expect(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : field.textContent).toBe("a/b");
  });

  it.each(["{Control>}k{/Control}", "{Meta>}k{/Meta}"])("opens on %s, even from a text field", async (keys) => {
    const user = userEvent.setup();
    page();
    await user.click(screen.getByLabelText("Name"));
    await user.keyboard(keys);
    expect(await screen.findByRole("dialog", { name: "Search lessons" })).toBeInTheDocument();
    expect(screen.getByLabelText("Name")).toHaveValue("");
  });

  it("names its shortcuts for assistive technology", () => {
    page();
    expect(screen.getByRole("button", { name: "Search" })).toHaveAttribute("aria-keyshortcuts", "/ Control+K Meta+K");
  });
});
