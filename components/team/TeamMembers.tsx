import Link from "next/link";
import { secondaryButton } from "@/components/ui/buttons";
import { Pager } from "@/components/ui/Pager";
import { PAGE_SIZE, type Page, type PageParam, withPage } from "@/lib/paging/page";
import { MembersTable } from "./MembersTable";
import type { MemberRow } from "./types";

/**
 * The team's members for a lead or owner, a page at a time (`?page=N`, `?page=all`), so a team
 * of hundreds is a page of fifty, not every member's controls at once. `base` is the team page.
 */
export function TeamMembers({ teamId, base, page, asked }: { teamId: string; base: string; page: Page<MemberRow>; asked: PageParam }) {
  const href = (p: number) => withPage(base, p);
  return (
    <section aria-labelledby="members-heading" className="mt-8">
      <h2 id="members-heading" className="mb-3 text-lg font-semibold">
        Members ({page.total})
      </h2>
      {page.total > PAGE_SIZE ? (
        <div className="mb-3 flex flex-wrap items-center gap-3">
          <p className="text-sm text-muted" data-testid="members-count">
            Showing {page.from}–{page.to} of {page.total} members{page.pageCount > 1 ? `, page ${page.page} of ${page.pageCount}` : ""}.
          </p>
          {asked === "all" ? (
            <Link href={base} className={`${secondaryButton} text-sm`}>
              Back to pages of {PAGE_SIZE}
            </Link>
          ) : (
            <Link href={withPage(base, "all")} className={`${secondaryButton} text-sm`}>
              Every member on one page
            </Link>
          )}
        </div>
      ) : null}
      <Pager page={page} href={href} label="Pages of the members (top)" />
      <div className={page.pageCount > 1 ? "mt-4" : undefined}>
        <MembersTable teamId={teamId} members={page.rows} />
      </div>
      <Pager page={page} href={href} label="Pages of the members (bottom)" />
    </section>
  );
}
