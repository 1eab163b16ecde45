import Link from "next/link";
import { type Page, pageLinks } from "@/lib/paging/page";

const link = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border border-line px-3 underline-offset-2 hover:bg-sunken hover:underline";
const inert = "inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg border border-line px-3 border-dashed text-muted";

/**
 * Links to a paged list's other pages: Previous, the page numbers (the current one marked with
 * aria-current), Next. Plain links (`href` gives each page's address, keeping whatever else the
 * view has in its query), so they work with the keyboard, without JavaScript, and a page can be
 * bookmarked. Nothing when everything fits on one page.
 */
export function Pager({ page, href, label }: { page: Page<unknown>; href: (page: number) => string; label: string }) {
  if (page.pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="mt-4 print:hidden">
      <ul className="flex flex-wrap items-center gap-2 text-sm">
        <li>
          {page.page > 1 ? (
            <Link href={href(page.page - 1)} className={link} rel="prev" aria-label="Previous page">
              <span aria-hidden="true">←&nbsp;</span>Previous
            </Link>
          ) : (
            <span className={inert} aria-disabled="true">
              <span aria-hidden="true">←&nbsp;</span>Previous<span className="sr-only">&nbsp;page</span>
            </span>
          )}
        </li>
        {pageLinks(page.page, page.pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page.page ? (
                <span aria-current="page" className={`${link} border-accent bg-accent font-semibold text-accent-ink no-underline hover:bg-accent hover:no-underline`}>
                  <span className="sr-only">Page&nbsp;</span>
                  {p}
                </span>
              ) : (
                <Link href={href(p)} className={link} aria-label={`Page ${p}`}>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          {page.page < page.pageCount ? (
            <Link href={href(page.page + 1)} className={link} rel="next" aria-label="Next page">
              Next
              <span aria-hidden="true">&nbsp;→</span>
            </Link>
          ) : (
            <span className={inert} aria-disabled="true">
              Next<span className="sr-only">&nbsp;page</span>
              <span aria-hidden="true">&nbsp;→</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
