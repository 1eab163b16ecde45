"use client";

import { IntentLink as Link } from "@/components/site/IntentLink";
import { useEffect, useState } from "react";
import { mayBeSignedIn, SESSION_CHANGED_EVENT, sessionRequest } from "@/lib/account/session-request";

/**
 * The header's account entry: "Sign in", or the signed-in user's name linking to their account.
 * Kept tiny on purpose (every page loads it). It asks /api/v1/session only when the signed-in
 * hint cookie is there, so a visitor who never signed in causes no request; sync shares the
 * same request (lib/account/session-request.ts). Pages stay static: the server renders
 * "Sign in", the browser swaps in the name, and again after signing in or out in place.
 */
export function AccountEntry() {
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const ask = () => {
      if (!mayBeSignedIn()) return setName(null);
      sessionRequest()
        .then((r) => (r.ok ? r.json() : null))
        .then((body: { user?: { name?: unknown } | null } | null) => {
          if (live) setName(typeof body?.user?.name === "string" ? body.user.name : null);
        })
        .catch(() => {
          // Offline or no server: the entry stays as it is.
        });
    };
    ask();
    window.addEventListener(SESSION_CHANGED_EVENT, ask);
    return () => {
      live = false;
      window.removeEventListener(SESSION_CHANGED_EVENT, ask);
    };
  }, []);

  if (!name) {
    return (
      <Link href="/signin" className="whitespace-nowrap rounded-md px-1.5 py-1 text-sm text-muted hover:text-ink sm:px-2" data-testid="account-entry">
        Sign in
      </Link>
    );
  }
  // Phones (and the crowded lg row) show the initials in a circle (the full name is still the link's text for screen readers).
  const initials = name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join("");
  return (
    <Link href="/account" title={`Your account (${name})`} className="flex items-center rounded-md px-1 py-1 text-sm font-medium text-ink hover:text-accent sm:px-2" data-testid="account-entry">
      {/* From lg the sections share the row (the header is at most 72 rem wide), so the name gives way to the initials there too. */}
      <span aria-hidden="true" className="grid size-7 place-items-center rounded-full border border-line bg-surface text-xs sm:hidden lg:grid">
        {initials}
      </span>
      <span className="sr-only sm:not-sr-only sm:max-w-48 sm:truncate lg:sr-only">{name}</span>
    </Link>
  );
}
