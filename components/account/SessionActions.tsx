"use client";

import Link from "next/link";
import { useState } from "react";
import { sendJson } from "@/lib/account/client";
import { announceSessionChange } from "@/lib/account/session-request";
import { secondaryButton } from "@/components/ui/buttons";
import { ActionError } from "@/components/ui/ActionError";

/** Ends the session through the auth API; throws its problem so that signOutOfSync changes nothing. */
async function endSession(which: "here" | "everywhere"): Promise<void> {
  const result = await sendJson("POST", which === "here" ? "/api/v1/auth/sign-out" : "/api/v1/auth/revoke-sessions", {});
  if (!result.ok) throw new Error(result.problem.detail);
}

/**
 * Sign out here, or everywhere (every session of the account ends, this one too). Both go
 * through sync's signOutOfSync: it sends what is waiting, ends the session, then empties this
 * browser's progress (it is the account's, on the server). If some changes could not be sent
 * (offline), they are kept aside for the account, and the learner is told before leaving.
 */
export function SessionActions() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"here" | "everywhere" | null>(null);
  const [keptUnsent, setKeptUnsent] = useState<string | null>(null);

  const run = async (which: "here" | "everywhere") => {
    setPending(which);
    setError(null);
    try {
      const { signOutOfSync } = await import("@/lib/sync/browser");
      const result = await signOutOfSync(() => endSession(which));
      announceSessionChange();
      const next = which === "here" ? "/" : "/signin";
      if (!result.keptUnsent) {
        window.location.assign(next);
        return;
      }
      setKeptUnsent(next);
    } catch (caught) {
      setPending(null);
      setError(caught instanceof Error ? caught.message : "Signing out failed; try again.");
    }
  };

  if (keptUnsent) {
    return (
      <div role="status" className="space-y-3">
        <p>
          You are signed out. Some changes had not reached your account yet: they are kept in this browser and will be sent the next time
          you sign in here.
        </p>
        <Link href={keptUnsent} className="underline underline-offset-2 hover:text-accent">
          Continue
        </Link>
      </div>
    );
  }

  return (
    <div>
      <div className="flex flex-wrap gap-3">
        <button type="button" className={secondaryButton} disabled={pending !== null} onClick={() => void run("here")}>
          {pending === "here" ? "Signing out…" : "Sign out"}
        </button>
        <button type="button" className={secondaryButton} disabled={pending !== null} onClick={() => void run("everywhere")}>
          {pending === "everywhere" ? "Signing out everywhere…" : "Sign out of every device"}
        </button>
      </div>
      <ActionError message={error} />
    </div>
  );
}
