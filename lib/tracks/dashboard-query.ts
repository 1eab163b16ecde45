/**
 * The lead's dashboard view as a URL query (filter, sort and page), so the page works with links
 * and a plain form, a view can be bookmarked, and the CSV download exports what is on screen
 * (every page of it). Unknown or malformed values are ignored, never an error.
 */
import { type PageParam, parsePageParam } from "@/lib/paging/page";
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
  page: PageParam;
}

export const DEFAULT_QUERY: DashboardQuery = { state: null, trackId: null, memberId: null, sort: "member", direction: "asc", page: 1 };

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
    page: parsePageParam(one(params, "page")) ?? 1,
  };
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
