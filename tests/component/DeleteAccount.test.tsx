// @vitest-environment jsdom
/** Deleting the account: a refusal changes nothing here; a confirmed deletion empties this browser's progress, as signing out does. */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DeleteAccount } from "@/components/account/DeleteAccount";
import { useProgress } from "@/lib/progress/store";
import { emptyFacts } from "@/lib/progress/types";
import { readSyncRecord, writeSyncRecord } from "@/lib/sync/memory";

const assign = vi.fn();
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

beforeEach(async () => {
  localStorage.clear();
  useProgress.setState({ facts: emptyFacts() });
  await useProgress.persist.rehydrate();
  useProgress.getState().setItem("testing", "synced-tick", true);
  // This browser's progress is the account's: it synced for "ann".
  writeSyncRecord(localStorage, "ann", useProgress.getState().deviceId, { cursor: 1, ackedThrough: null, lastSyncedAt: 1 });
  assign.mockReset();
  vi.stubGlobal("location", { ...window.location, assign });
});

afterEach(() => vi.unstubAllGlobals());

const ticked = () => Object.keys(useProgress.getState().facts.checklist.testing ?? {});

async function deleteWith(password: string) {
  const user = userEvent.setup();
  render(<DeleteAccount willGo={["Your account."]} refusal={null} />);
  await user.click(screen.getByRole("button", { name: "Delete my account…" }));
  await user.type(screen.getByLabelText("Your password"), password);
  await user.click(screen.getByRole("button", { name: "Delete my account" }));
}

describe("DeleteAccount", () => {
  it("a refused deletion (wrong password) shows why and keeps this browser's progress", async () => {
    const problem = { type: "urn:quorum:problem:validation-failed", title: "Invalid", status: 400, detail: "password: That is not your password.", errors: [{ field: "password", message: "That is not your password." }] };
    vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(problem), { status: 400, headers: { "content-type": "application/problem+json" } })));
    await deleteWith("not my password");
    expect(await screen.findAllByText("That is not your password.")).not.toHaveLength(0);
    expect(ticked()).toEqual(["synced-tick"]);
    expect(readSyncRecord(localStorage)?.account).toBe("ann");
    expect(assign).not.toHaveBeenCalled();
  });

  it("a confirmed deletion empties this browser's progress, then leaves for the home page", async () => {
    const fetch = vi.fn(async () => Response.json({ deleted: true }));
    vi.stubGlobal("fetch", fetch);
    await deleteWith("correct horse battery");
    await vi.waitFor(() => expect(assign).toHaveBeenCalledWith("/?account=deleted"));
    expect(fetch).toHaveBeenCalledWith("/api/v1/account", expect.objectContaining({ method: "DELETE" }));
    expect(ticked()).toEqual([]);
    expect(readSyncRecord(localStorage)).toBeNull();
  });
});
