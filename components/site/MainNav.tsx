"use client";

import { IntentLink } from "./IntentLink";
import { usePathname } from "next/navigation";
import { DueBadge } from "@/components/review/DueBadge";
import { isCurrentSection, NAV_LINKS } from "./nav-links";

/**
 * The main sections: a row in the header on wide screens ("bar"), a list in the phone menu
 * ("menu"). The current section is marked for screen readers (aria-current) and by eye.
 */
export function MainNav({ variant, className = "" }: { variant: "bar" | "menu"; className?: string }) {
  const pathname = usePathname();
  const bar = variant === "bar";
  return (
    <nav aria-label="Main" className={className}>
      <ul className={bar ? "flex items-center gap-0.5 text-sm" : "flex flex-col gap-1 text-base"}>
        {NAV_LINKS.map((link) => {
          const current = isCurrentSection(link.href, pathname);
          return (
            <li key={link.href}>
              <IntentLink
                href={link.href}
                aria-current={current ? "page" : undefined}
                data-testid={link.href === "/review" ? `${variant}-review` : undefined}
                className={`flex items-center gap-1.5 rounded-md hover:text-ink ${bar ? "px-2 py-1" : "px-3 py-2"} ${
                  current ? "font-medium text-ink" : "text-muted"
                } ${current && bar ? "underline decoration-accent decoration-2 underline-offset-[6px]" : ""} ${current && !bar ? "bg-surface" : ""}`}
              >
                {link.label}
                {"showsDueCount" in link ? <DueBadge /> : null}
              </IntentLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
