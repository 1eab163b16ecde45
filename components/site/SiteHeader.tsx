import { AccountEntry } from "@/components/account/AccountEntry";
import { SyncStatus } from "@/components/account/SyncStatus";
import { SearchButton } from "@/components/search/SearchButton";
import { IntentLink } from "./IntentLink";
import { MainNav } from "./MainNav";
import { PhoneMenu } from "./PhoneMenu";
import { ThemeSwitcher } from "./ThemeSwitcher";

/**
 * Wide screens: the sections in a row, then sync state, account and theme. Narrower than that,
 * the sections and the theme move into a Menu, so the header fits a 360 px phone.
 */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-paper/90 backdrop-blur supports-[backdrop-filter]:bg-paper/75">
      <div className="relative mx-auto flex h-14 max-w-6xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
        <IntentLink href="/" className="flex shrink-0 items-center gap-2 font-semibold tracking-tight">
          <QuorumMark />
          <span>Quorum</span>
        </IntentLink>
        <MainNav variant="bar" className="hidden lg:block" />
        <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
          <SearchButton />
          <SyncStatus />
          <AccountEntry />
          <div className="hidden lg:block">
            <ThemeSwitcher />
          </div>
          <PhoneMenu className="lg:hidden" />
        </div>
      </div>
    </header>
  );
}

/** Three nodes, two of which agree: a quorum. */
function QuorumMark() {
  return (
    <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
      <line x1="5" y1="16" x2="11" y2="5" stroke="currentColor" strokeWidth="1.5" />
      <line x1="11" y1="5" x2="17" y2="16" stroke="currentColor" strokeWidth="1.5" />
      <line x1="5" y1="16" x2="17" y2="16" stroke="currentColor" strokeWidth="1.5" strokeDasharray="2 2" />
      <circle cx="11" cy="5" r="3.2" className="fig-accent" />
      <circle cx="5" cy="16" r="3.2" className="fig-accent" />
      <circle cx="17" cy="16" r="3.2" fill="var(--paper)" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
