"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { pick, sendJson } from "@/lib/account/client";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import { ActionError } from "@/components/ui/ActionError";

export function AcceptInvitation({ token, teamName }: { token: string; teamName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const accept = async () => {
    setPending(true);
    setError(null);
    const result = await sendJson("POST", `/api/v1/invitations/${token}/accept`);
    if (result.ok) {
      const teamId = pick(result.data, "teamId");
      router.push(teamId ? `/teams/${teamId}` : "/teams");
      return;
    }
    setPending(false);
    setError(result.problem.detail);
  };

  return (
    <div>
      <button type="button" className={primaryButton} disabled={pending} onClick={() => void accept()}>
        {pending ? "Joining…" : `Join ${teamName}`}
      </button>
      <ActionError message={error} />
    </div>
  );
}

/** Signs out and comes back to this page, to sign in with the invited address. */
export function SignOutAndReturn({ returnTo }: { returnTo: string }) {
  const [pending, setPending] = useState(false);
  const signOut = async () => {
    setPending(true);
    await sendJson("POST", "/api/v1/auth/sign-out", {});
    window.location.assign(`/signin?next=${encodeURIComponent(returnTo)}`);
  };
  return (
    <button type="button" className={secondaryButton} disabled={pending} onClick={() => void signOut()}>
      Sign out, then sign in with that address
    </button>
  );
}
