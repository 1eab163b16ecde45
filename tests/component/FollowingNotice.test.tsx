// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FollowingNotice } from "@/components/tracks/FollowingNotice";
import { FOLLOWING_KEY } from "@/lib/tracks/following";
import { useFollowing } from "@/lib/tracks/store";

/** The checks (zod) load on demand; here their chunk fails to load until `online` is set, as it would offline. */
const network = vi.hoisted(() => ({ online: false }));
vi.mock("@/lib/tracks/read-following", async (original) => {
  if (!network.online) throw new Error("Failed to fetch dynamically imported module: read-following.js");
  return original();
});

const stored = JSON.stringify({ version: 1, state: { following: { "on-call-ready": { startedAt: 5 } } } });

beforeEach(() => {
  localStorage.clear();
  localStorage.setItem(FOLLOWING_KEY, stored);
});

describe("FollowingNotice when the followed tracks' checks did not load", () => {
  it("says nothing is saved and offers to try again; a retry that works keeps what was followed meanwhile and says so", async () => {
    const user = userEvent.setup();
    render(<FollowingNotice />); // starts reading the stored tracks, as each page that shows them does
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The tracks you follow could not be read: part of this page did not load");
    expect(alert).toHaveTextContent("not saved until they are read");
    expect(useFollowing.getState()).toMatchObject({ hydrated: true, unsaved: true });

    useFollowing.getState().follow("first-two-weeks");
    expect(localStorage.getItem(FOLLOWING_KEY)).toBe(stored);

    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Still not loaded");
    expect(localStorage.getItem(FOLLOWING_KEY)).toBe(stored);
    await user.click(screen.getByRole("button", { name: "Dismiss" }));

    network.online = true;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("The tracks you follow were read, any you followed meanwhile were added, and saving has resumed.");
    expect(screen.getByRole("button", { name: "Dismiss" })).toHaveFocus();
    expect(screen.queryByRole("alert")).toBeNull();
    const both = { "on-call-ready": { startedAt: 5 }, "first-two-weeks": { startedAt: expect.any(Number) } };
    expect(useFollowing.getState()).toMatchObject({ unsaved: false, following: both });
    expect(JSON.parse(localStorage.getItem(FOLLOWING_KEY)!).state.following).toEqual(both);

    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(screen.queryByRole("status")).toBeNull();
  });
});
