// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import PageError from "@/app/error";

describe("the page error boundary", () => {
  it("says what happened, that progress is safe, and moves focus to its heading", () => {
    render(<PageError error={new Error("boom")} retry={() => {}} />);
    const heading = screen.getByRole("heading", { level: 1, name: "This page could not be shown" });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/your progress is safe/i)).toBeInTheDocument();
    expect(screen.queryByText(/boom/)).not.toBeInTheDocument();
    expect(screen.queryByText(/reference for a bug report/i)).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Back to the curriculum" })).toHaveAttribute("href", "/");
  });

  it("shows a server error's digest, to match the server's log", () => {
    const error = Object.assign(new Error("An error occurred in the Server Components render."), { digest: "2741857920" });
    render(<PageError error={error} retry={() => {}} />);
    expect(screen.getByText("2741857920")).toBeInTheDocument();
  });

  it("tries again when asked, from the keyboard", async () => {
    const retry = vi.fn();
    render(<PageError error={new Error("boom")} retry={retry} />);
    await userEvent.tab();
    expect(screen.getByRole("button", { name: "Try again" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    expect(retry).toHaveBeenCalledTimes(1);
  });
});
