"use client";

import { useState } from "react";
import { sendJson } from "@/lib/account/client";
import { secondaryButton } from "@/components/ui/buttons";
import { ActionError } from "@/components/ui/ActionError";

/** Sign out here, or everywhere (every session of the account ends, this one too). */
export function SessionActions() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"here" | "everywhere" | null>(null);

  const run = async (which: "here" | "everywhere") => {
    setPending(which);
    setError(null);
    const result = await sendJson("POST", which === "here" ? "/api/v1/auth/sign-out" : "/api/v1/auth/revoke-sessions", {});
    if (result.ok) {
      window.location.assign(which === "here" ? "/" : "/signin");
      return;
    }
    setPending(null);
    setError(result.problem.detail);
  };

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
