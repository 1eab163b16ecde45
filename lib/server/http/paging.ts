import "server-only";
import { PAGE_SIZE, type Page, type PageParam, parsePageParam } from "@/lib/paging/page";
import { ProblemError } from "./problem";

/**
 * The `page` query value of a paged API answer (`?page=N`, `?page=all`; absent is page 1). The
 * pages ignore a value they cannot read; an API refuses it, so a client's mistake is not
 * mistaken for page 1: a 400 problem naming the field.
 */
export function readPageParam(url: URL): PageParam {
  const values = url.searchParams.getAll("page");
  const page = values.length > 1 ? null : parsePageParam(values[0]);
  if (page !== null) return page;
  const message = values.length > 1 ? "give one page, not several" : `must be a whole number from 1 to 999999, or "all"; it was "${values[0]!.slice(0, 40)}"`;
  throw new ProblemError("validation-failed", `page: ${message}`, { extensions: { errors: [{ field: "page", message }] } });
}

/** What a paged answer says about its page, beside its rows. */
export interface Paging {
  /** The page shown (the last one when the request asked beyond it), or "all". */
  page: number | "all";
  pageCount: number;
  /** Rows a page holds; null for "all". */
  pageSize: number | null;
  /** 1-based positions of the first and last row of this page in the whole list (0 and 0 when it is empty). */
  from: number;
  to: number;
  /** Rows in the whole list, every page. */
  total: number;
}

export function pagingOf(page: Page<unknown>, asked: PageParam): Paging {
  return {
    page: asked === "all" ? "all" : page.page,
    pageCount: page.pageCount,
    pageSize: asked === "all" ? null : PAGE_SIZE,
    from: page.from,
    to: page.to,
    total: page.total,
  };
}

/**
 * An RFC 8288 `Link` header for a page: first, prev, next and last, as addresses relative to
 * this server (`href` gives a page's, keeping the rest of the query); null when there is one page.
 */
export function pageLinkHeader(page: Page<unknown>, href: (page: number) => string): string | null {
  if (page.pageCount <= 1) return null;
  const links: [string, number][] = [["first", 1]];
  if (page.page > 1) links.push(["prev", page.page - 1]);
  if (page.page < page.pageCount) links.push(["next", page.page + 1]);
  links.push(["last", page.pageCount]);
  return links.map(([rel, p]) => `<${href(p)}>; rel="${rel}"`).join(", ");
}
