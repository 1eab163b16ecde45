import { SearchButton } from "@/components/search/SearchButton";
import { IntentLink } from "./IntentLink";
import { ThemeSwitcher } from "./ThemeSwitcher";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-20 border-b border-line bg-paper/90 backdrop-blur supports-[backdrop-filter]:bg-paper/75">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
        <IntentLink href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <QuorumMark />
          <span>Quorum</span>
        </IntentLink>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <IntentLink href="/" className="hidden rounded-md px-1.5 py-1 text-muted hover:text-ink sm:inline sm:px-2">
            Curriculum
          </IntentLink>
          <IntentLink href="/progress" className="rounded-md px-1.5 py-1 text-muted sm:px-2 hover:text-ink">
            Progress
          </IntentLink>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <SearchButton />
          <ThemeSwitcher />
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
