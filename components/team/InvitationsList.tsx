"use client";

import { CopyLink } from "./CopyLink";
import { ROLE_LABELS } from "./roles";
import type { InvitationRow } from "./types";
import { useTeamAction } from "./useTeamAction";
import { ActionError } from "@/components/ui/ActionError";

/** Pending invitations: copy a link again, or revoke it (the link stops working). */
export function InvitationsList({ teamId, invitations, origin }: { teamId: string; invitations: InvitationRow[]; origin: string }) {
  const { run, pending, error } = useTeamAction();
  if (invitations.length === 0) return <p className="text-muted">No pending invitations.</p>;
  return (
    <div>
      <ul className="divide-y divide-line rounded-xl border border-line bg-surface" data-testid="invitations">
        {invitations.map((inv) => (
          <li key={inv.id} className="p-4" data-testid={`invitation-${inv.email}`}>
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <p className="min-w-0 flex-1 basis-48 break-all font-medium">{inv.email}</p>
              <span className="text-sm text-muted">
                {ROLE_LABELS[inv.role]} · invited by {inv.invitedBy} · until {new Date(inv.expiresAt).toLocaleDateString("en", { dateStyle: "medium" })}
              </span>
              <button
                type="button"
                disabled={pending !== null}
                onClick={() => void run(inv.id, "DELETE", `/api/v1/teams/${teamId}/invitations/${inv.id}`)}
                className="rounded-lg border border-bad/50 px-3 py-1.5 text-sm font-medium text-bad hover:bg-bad-soft"
                aria-label={`Revoke the invitation for ${inv.email}`}
              >
                Revoke
              </button>
            </div>
            <div className="mt-2">
              <CopyLink link={`${origin}/invite/${inv.id}`} label={`Invitation link for ${inv.email}`} />
            </div>
          </li>
        ))}
      </ul>
      <ActionError message={error} />
    </div>
  );
}
