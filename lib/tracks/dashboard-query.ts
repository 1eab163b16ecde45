/**
 * The lead's dashboard view as a URL query (filter, sort and page), so the page works with links
 * and a plain form, a view can be bookmarked, and the CSV download exports what is on screen
 * (every page of it). Unknown or malformed values are ignored, never an error.
 */
import type { MatrixFilter, MatrixSort, MatrixSortKey } from "./team";

export const STATES = ["overdue", "not-started", "in-progress", "complete"] as const;
export type DashboardState = (typeof STATES)[number];
const SORTS = ["member", "track", "progress", "overdue", "next-due", "last-activity"] as const;

export interface DashboardQuery {
  state: DashboardState | null;
  trackId: string | null;
  memberId: string | null;
  /** "member", "progress", … or "step:<lesson id>". */
  sort: string;
  direction: "asc" | "desc";
  /** 1-based page of the matrix's rows, after filtering and sorting all of them; "all" for the printable whole. */
  page: number | "all";
}

export const DEFAULT_QUERY: DashboardQuery = { state: null, trackId: null, memberId: null, sort: "member", direction: "asc", page: 1 };

/** Rows on one page of the matrix: few enough to read and to render at once, for a team of any size. */
export const PAGE_SIZE = 50;

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function one(params: Params, key: string): string | null {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" && text.length > 0 && text.length <= 200 ? text : null;
}

export function parseDashboardQuery(params: Params): DashboardQuery {
  const state = one(params, "state");
  const sort = one(params, "sort");
  const validSort = sort !== null && ((SORTS as readonly string[]).includes(sort) || /^step:[a-z0-9-]+$/.test(sort));
  return {
    state: STATES.find((s) => s === state) ?? null,
    trackId: one(params, "track"),
    memberId: one(params, "member"),
    sort: validSort ? sort : DEFAULT_QUERY.sort,
    direction: one(params, "dir") === "desc" ? "desc" : "asc",
    page: pageNumber(one(params, "page")),
  };
}

function pageNumber(text: string | null): number | "all" {
  if (text === "all") return "all";
  if (text === null || !/^[1-9]\d{0,5}$/.test(text)) return 1;
  return Number(text);
}

export interface Page<T> {
  rows: T[];
  /** The page shown: the one asked for, or the last one when it asked beyond the end. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown (0 and 0 when there are none). */
  from: number;
  to: number;
  total: number;
}

/** One page of `rows` (already filtered and sorted as a whole); "all" is every row on one page. */
export function pageOf<T>(rows: readonly T[], page: number | "all", size = PAGE_SIZE): Page<T> {
  if (page === "all") return { rows: [...rows], page: 1, pageCount: 1, from: rows.length === 0 ? 0 : 1, to: rows.length, total: rows.length };
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const shown = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const start = (shown - 1) * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, page: shown, pageCount, from: slice.length === 0 ? 0 : start + 1, to: start + slice.length, total: rows.length };
}

/**
 * The page numbers to offer as links: the first, the last, and two either side of the current
 * one; `null` marks a gap ("…"). Ten pages of a 500-member team fit; a thousand pages do too.
 */
export function pageLinks(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const links: (number | null)[] = [];
  for (const p of sorted) {
    const last = links[links.length - 1];
    if (typeof last === "number" && p - last > 1) links.push(p - last === 2 ? p - 1 : null);
    links.push(p);
  }
  return links;
}

export function filterOf(query: DashboardQuery): MatrixFilter {
  return {
    ...(query.state ? { state: query.state } : {}),
    ...(query.trackId ? { trackIds: [query.trackId] } : {}),
    ...(query.memberId ? { memberIds: [query.memberId] } : {}),
  };
}

export function sortOf(query: DashboardQuery): MatrixSort {
  const key: MatrixSortKey = query.sort.startsWith("step:")
    ? { by: "step-score", stepKey: query.sort.slice(5) }
    : { by: (SORTS.find((s) => s === query.sort) ?? "member") };
  return { key, direction: query.direction };
}

/** The query string for this view (defaults left out), with `changes` applied. */
export function queryString(query: DashboardQuery, changes: Partial<DashboardQuery> = {}): string {
  const q = { ...query, ...changes };
  const params = new URLSearchParams();
  if (q.state) params.set("state", q.state);
  if (q.trackId) params.set("track", q.trackId);
  if (q.memberId) params.set("member", q.memberId);
  if (q.sort !== DEFAULT_QUERY.sort) params.set("sort", q.sort);
  if (q.direction !== DEFAULT_QUERY.direction) params.set("dir", q.direction);
  if (q.page !== 1) params.set("page", String(q.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
