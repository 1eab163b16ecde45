"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

/**
 * The header's account entry: "Sign in", or the signed-in user's name linking to their account.
 * Kept tiny on purpose (every page loads it): a plain fetch of /api/v1/session, which answers
 * without touching the database when there is no session cookie. Pages stay static: the
 * server renders "Sign in", the browser swaps in the name.
 */
export function AccountEntry() {
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetch("/api/v1/session", { credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { user?: { name?: unknown } | null } | null) => {
        if (live && typeof body?.user?.name === "string") setName(body.user.name);
      })
      .catch(() => {
        // Offline or no server: the entry stays "Sign in".
      });
    return () => {
      live = false;
    };
  }, []);

  const base = "max-w-32 truncate rounded-md px-1.5 py-1 text-sm sm:max-w-48 sm:px-2";
  return name ? (
    <Link href="/account" className={`${base} font-medium text-ink hover:text-accent`} title={`Your account (${name})`} data-testid="account-entry">
      {name}
    </Link>
  ) : (
    <Link href="/signin" className={`${base} text-muted hover:text-ink`} data-testid="account-entry">
      Sign in
    </Link>
  );
}
