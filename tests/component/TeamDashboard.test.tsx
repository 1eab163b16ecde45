// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { pageOf } from "@/lib/paging/page";
import { DEFAULT_QUERY, parseDashboardQuery, queryString } from "@/lib/tracks/dashboard-query";
import { lessonLookup } from "@/lib/tracks/derive";
import { summarizeMatrix } from "@/lib/tracks/summary";
import { buildTeamMatrix } from "@/lib/tracks/team";
import type { Track } from "@/lib/tracks/types";
import { DashboardFilters } from "@/components/team/dashboard/DashboardFilters";
import { DashboardSummary } from "@/components/team/dashboard/DashboardSummary";
import { TrackMatrix } from "@/components/team/dashboard/TrackMatrix";
import { Pager } from "@/components/ui/Pager";

const DAY = 86_400_000;
const START = Date.UTC(2025, 2, 3, 9);
const NOW = START + 5 * DAY;
const lessons = lessonLookup([
  { id: "messaging", title: "Message passing", checklistIds: ["a"], hasQuiz: true },
  { id: "security", title: "Security practices", checklistIds: ["a"], hasQuiz: true },
]);
const track: Track = {
  id: "onboarding",
  title: "Onboarding",
  summary: "",
  passMark: 80,
  assessment: null,
  steps: [
    { lessonId: "messaging", due: { kind: "days", days: 1 }, note: "" },
    { lessonId: "security", due: { kind: "days", days: 10 }, note: "" },
  ],
};
const ts = (wall: number) => ({ wall, counter: 0, device: "d" });

function done(lessonId: string, correct: number, at: number): Partial<ProgressFacts> {
  return {
    checklist: { [lessonId]: { a: { value: true, at: ts(at) } } },
    attempts: { [`q-${lessonId}`]: { id: `q-${lessonId}`, lessonId, at: ts(at), total: 10, correct, responses: {} } },
  };
}

const members = [
  { id: "u-ann", name: "Ann", facts: { ...emptyFacts(), ...done("messaging", 9, START + 3600_000) } },
  { id: "u-bob", name: "Bob", facts: emptyFacts() },
  { id: "u-cy", name: "Cy", facts: { ...emptyFacts(), ...done("messaging", 5, START + 2 * DAY) } },
];
const rows = buildTeamMatrix({
  tracks: [track],
  lessons,
  members,
  assignments: members.map((m) => ({ memberId: m.id, trackId: track.id, startedAt: START })),
  time: { now: NOW, timeZone: "UTC" },
});
const links = {
  base: "/teams/t/dashboard",
  memberHref: (id: string) => `/teams/t/dashboard/members/${id}`,
  certificateHref: (id: string) => (id === "u-ann" ? "/certificates/abc" : null),
};

describe("TrackMatrix", () => {
  it("shows each member's steps with status in words, best score and due date; overdue stands out", () => {
    render(<TrackMatrix track={track} rows={rows} query={DEFAULT_QUERY} links={links} />);
    const ann = within(screen.getByTestId("row-Ann"));
    expect(ann.getByText("Done")).toBeInTheDocument();
    expect(ann.getByText(/^90%/)).toBeInTheDocument();
    expect(ann.getByRole("link", { name: "Ann" })).toHaveAttribute("href", "/teams/t/dashboard/members/u-ann");
    expect(ann.getByRole("link", { name: "Certificate held" })).toHaveAttribute("href", "/certificates/abc");

    const bob = within(screen.getByTestId("row-Bob"));
    const overdue = bob.getByText("Overdue");
    expect(overdue.parentElement).toHaveClass("text-bad");
    expect(bob.getByText("1 overdue")).toBeInTheDocument();
    expect(overdue.closest("td")).toHaveTextContent(/Overdue.*no quiz yet · due Tue 4 Mar/);
    expect(bob.getByText("never")).toBeInTheDocument();

    const cy = within(screen.getByTestId("row-Cy"));
    // 50% is under the pass mark: the step is in progress, and past its due day, so overdue.
    expect(cy.getByText("Overdue")).toBeInTheDocument();
    expect(cy.getByText(/^50%/)).toBeInTheDocument();
    expect(cy.queryByRole("link", { name: "Certificate held" })).toBeNull();
  });

  it("sort headers link to the next order and say the current one", () => {
    render(<TrackMatrix track={track} rows={rows} query={parseDashboardQuery({ sort: "progress" })} links={links} />);
    const progress = screen.getByRole("columnheader", { name: /Progress/ });
    expect(progress).toHaveAttribute("aria-sort", "ascending");
    expect(within(progress).getByRole("link")).toHaveAttribute("href", "/teams/t/dashboard?sort=progress&dir=desc");
    const step = screen.getByRole("columnheader", { name: /1\. Message passing/ });
    expect(within(step).getByRole("link")).toHaveAttribute("href", "/teams/t/dashboard?sort=step%3Amessaging");
  });

  it("says so when no row matches", () => {
    render(<TrackMatrix track={track} rows={[]} query={DEFAULT_QUERY} links={links} />);
    expect(screen.getByText(/Nobody matches these filters/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
  });
});

describe("DashboardSummary", () => {
  it("shows completion, members on track, overdue steps and the hardest lesson by median best score", () => {
    render(<DashboardSummary summary={summarizeMatrix(rows)} certificates={1} />);
    expect(within(screen.getByTestId("figure-on-track")).getByText("1 of 3")).toBeInTheDocument();
    expect(within(screen.getByTestId("figure-overdue")).getByText("2")).toBeInTheDocument();
    expect(within(screen.getByTestId("figure-completion")).getByText("17%")).toBeInTheDocument();
    expect(within(screen.getByTestId("figure-certificates")).getByText("1")).toBeInTheDocument();
    const hardest = within(screen.getByTestId("hardest-lessons")).getAllByRole("listitem");
    expect(hardest).toHaveLength(1);
    expect(hardest[0]).toHaveTextContent("Message passing");
    expect(hardest[0]).toHaveTextContent("median best 70% · 2 tried · 1 of 3 done");
  });
});

describe("DashboardFilters", () => {
  it("is a GET form whose fields carry the current view", () => {
    const query = parseDashboardQuery({ state: "overdue", track: "onboarding", sort: "overdue", dir: "desc" });
    const { container } = render(
      <DashboardFilters action="/teams/t/dashboard" query={query} tracks={[{ id: "onboarding", title: "Onboarding" }]} members={[{ userId: "u-ann", name: "Ann" }]} />,
    );
    expect(screen.getByLabelText("Show")).toHaveValue("overdue");
    expect(screen.getByLabelText("Track")).toHaveValue("onboarding");
    expect(screen.getByLabelText("Member")).toHaveValue("");
    const form = container.querySelector("form")!;
    expect(form).toHaveAttribute("method", "get");
    expect(Object.fromEntries(new FormData(form))).toEqual({ state: "overdue", track: "onboarding", member: "", sort: "overdue", dir: "desc" });
  });
});

describe("parseDashboardQuery", () => {
  it("ignores values it does not know", () => {
    expect(parseDashboardQuery({ state: "lost", sort: "password", dir: "sideways", page: "-2" })).toEqual(DEFAULT_QUERY);
    for (const page of ["0", "1.5", "abc", "01", "9999999"]) expect(parseDashboardQuery({ page }).page).toBe(1);
    expect(parseDashboardQuery({ page: "7" }).page).toBe(7);
    expect(parseDashboardQuery(new URLSearchParams("sort=step:messaging&dir=desc"))).toMatchObject({ sort: "step:messaging", direction: "desc" });
  });
});

describe("paging the matrix", () => {
  it("is a labelled navigation of links that keep the filter and sort; the current page is marked", () => {
    const query = parseDashboardQuery({ state: "overdue", sort: "progress", page: "2" });
    const rowsOf500 = Array.from({ length: 500 }, (_, i) => i);
    render(<Pager page={pageOf(rowsOf500, query.page)} href={(p) => `/teams/t/dashboard${queryString(query, { page: p })}`} label="Pages of the matrix" />);
    const nav = screen.getByRole("navigation", { name: "Pages of the matrix" });
    expect(within(nav).getByRole("link", { name: "Previous page" })).toHaveAttribute("href", "/teams/t/dashboard?state=overdue&sort=progress");
    expect(within(nav).getByRole("link", { name: "Next page" })).toHaveAttribute("href", "/teams/t/dashboard?state=overdue&sort=progress&page=3");
    expect(within(nav).getByRole("link", { name: "Page 10" })).toHaveAttribute("href", "/teams/t/dashboard?state=overdue&sort=progress&page=10");
    expect(nav.querySelector("[aria-current=page]")).toHaveTextContent(/^Page.2$/);
    expect(within(nav).queryByRole("link", { name: "Page 2" })).toBeNull();
  });

  it("shows nothing when everything fits on one page", () => {
    const { container } = render(<Pager page={pageOf([1, 2, 3], 1)} href={(p) => `/b?page=${p}`} label="Pages" />);
    expect(container).toBeEmptyDOMElement();
  });

  it("sort links go back to the first page", () => {
    render(<TrackMatrix track={track} rows={rows} query={parseDashboardQuery({ page: "3" })} links={links} />);
    expect(screen.getByRole("link", { name: /^Progress/ })).toHaveAttribute("href", "/teams/t/dashboard?sort=progress");
  });
});
