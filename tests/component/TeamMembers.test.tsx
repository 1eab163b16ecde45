// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { TeamMembers } from "@/components/team/TeamMembers";
import type { MemberRow } from "@/components/team/types";
import { pageOf, parsePageParam } from "@/lib/paging/page";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

/** A team of 501: the lead (first) and 500 members, in the order the server lists them. */
const team: MemberRow[] = Array.from({ length: 501 }, (_, i) => ({
  memberId: `m-${i}`,
  name: i === 0 ? "Ann Lead" : `Member ${String(i).padStart(3, "0")}`,
  email: `member.${i}@example.com`,
  role: i === 0 ? "lead" : "member",
  isMe: i === 0,
  roleChoices: i === 0 ? ["lead"] : ["member", "lead"],
  canRemove: i !== 0,
}));

function renderPage(query: string | null, members = team) {
  const asked = parsePageParam(query) ?? 1;
  return render(<TeamMembers teamId="t" base="/teams/t" page={pageOf(members, asked)} asked={asked} />);
}

const listed = () => within(screen.getByTestId("members")).getAllByRole("listitem");

describe("the team page's members, paged", () => {
  it("shows the first 50 of 501 with their controls, says so, and links to the other pages", () => {
    renderPage(null);
    expect(screen.getByRole("heading", { name: "Members (501)" })).toBeInTheDocument();
    expect(screen.getByTestId("members-count")).toHaveTextContent("Showing 1–50 of 501 members, page 1 of 11.");
    expect(listed()).toHaveLength(50);
    expect(screen.getByTestId("member-member.49@example.com")).toBeInTheDocument();
    expect(screen.queryByTestId("member-member.50@example.com")).toBeNull();
    expect(screen.getByRole("combobox", { name: "Role of Member 001" })).toBeInTheDocument();
    for (const label of ["Pages of the members (top)", "Pages of the members (bottom)"]) {
      const nav = screen.getByRole("navigation", { name: label });
      expect(within(nav).getByRole("link", { name: "Next page" })).toHaveAttribute("href", "/teams/t?page=2");
      expect(within(nav).getByRole("link", { name: "Page 11" })).toHaveAttribute("href", "/teams/t?page=11");
      expect(nav.querySelector("[aria-current=page]")).toHaveTextContent(/^Page.1$/);
    }
    expect(screen.getByRole("link", { name: "Every member on one page" })).toHaveAttribute("href", "/teams/t?page=all");
  });

  it("a later page shows its own slice; the last page holds the one left over; page 1's link is the bare address", () => {
    const { unmount } = renderPage("2");
    expect(screen.getByTestId("members-count")).toHaveTextContent("Showing 51–100 of 501 members, page 2 of 11.");
    expect(listed()[0]).toHaveTextContent("Member 050");
    expect(screen.getAllByRole("link", { name: "Previous page" })[0]).toHaveAttribute("href", "/teams/t");
    unmount();
    renderPage("11");
    expect(screen.getByTestId("members-count")).toHaveTextContent("Showing 501–501 of 501 members, page 11 of 11.");
    expect(listed()).toHaveLength(1);
  });

  it('"all" lists every member on one page, without page links, and offers the way back', () => {
    renderPage("all");
    expect(listed()).toHaveLength(501);
    expect(screen.getByTestId("members-count")).toHaveTextContent("Showing 1–501 of 501 members.");
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.getByRole("link", { name: "Back to pages of 50" })).toHaveAttribute("href", "/teams/t");
  });

  it("a team that fits on one page shows no paging at all", () => {
    renderPage(null, team.slice(0, 50));
    expect(listed()).toHaveLength(50);
    expect(screen.queryByTestId("members-count")).toBeNull();
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(screen.queryByRole("link", { name: "Every member on one page" })).toBeNull();
  });
});
