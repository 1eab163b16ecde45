"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/lib/account/client";
import { dangerButton } from "@/components/ui/buttons";
import { ActionError } from "@/components/ui/ActionError";

/** Leave the team (refused, in words, for its only owner). */
export function LeaveTeam({ teamId, memberId, teamName }: { teamId: string; memberId: string; teamName: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const leave = async () => {
    if (!window.confirm(`Leave ${teamName}? You would need a new invitation to come back.`)) return;
    setPending(true);
    const result = await sendJson("DELETE", `/api/v1/teams/${teamId}/members/${memberId}`);
    setPending(false);
    if (result.ok) router.push("/teams");
    else setError(result.problem.detail);
  };

  return (
    <div>
      <button type="button" className={dangerButton} disabled={pending} onClick={() => void leave()}>
        {pending ? "Leaving…" : "Leave this team"}
      </button>
      <ActionError message={error} />
    </div>
  );
}
