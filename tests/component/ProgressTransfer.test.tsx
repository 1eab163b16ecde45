// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ProgressTransfer } from "@/components/progress/ProgressTransfer";
import { useProgress } from "@/lib/progress/store";

describe("ProgressTransfer", () => {
  it("offers an export only once stored progress has been read and checked, so the file is never a partial copy", () => {
    act(() => useProgress.setState({ hydrated: false, unsaved: false }));
    render(<ProgressTransfer />);
    const exportButton = screen.getByRole("button", { name: "Export progress" });
    expect(exportButton).toBeDisabled();

    act(() => useProgress.setState({ hydrated: true, unsaved: true })); // read, but its checks did not load
    expect(exportButton).toBeDisabled();

    act(() => useProgress.setState({ hydrated: true, unsaved: false }));
    expect(exportButton).toBeEnabled();
  });
});
