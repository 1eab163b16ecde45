/**
 * Paging a list that is already filtered and sorted as a whole: one page of it, which page
 * numbers to offer, and the `page` query value (`?page=3`, `?page=all`). Pure; used by the lead's
 * dashboard (page and JSON), the team page's members, and their page links (`components/ui/Pager`).
 */

/** Rows on one page: few enough to read and to render at once, for a team of any size. */
export const PAGE_SIZE = 50;

/** A 1-based page number, or "all" for every row on one page (printing, a full read). */
export type PageParam = number | "all";

/**
 * The `page` query value: a whole number from 1 (at most six digits) or "all"; absent is page 1.
 * Anything else is `null`: a page ignores it (page 1), an API refuses it.
 */
export function parsePageParam(text: string | null | undefined): PageParam | null {
  if (text === null || text === undefined) return 1;
  if (text === "all") return "all";
  return /^[1-9]\d{0,5}$/.test(text) ? Number(text) : null;
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

/** One page of `rows`; "all" is every row on one page. */
export function pageOf<T>(rows: readonly T[], page: PageParam, size = PAGE_SIZE): Page<T> {
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

/** `base` with only `page` in its query (page 1 is the bare address): for a list paged and nothing else. */
export function withPage(base: string, page: PageParam): string {
  return page === 1 ? base : `${base}?page=${page}`;
}
