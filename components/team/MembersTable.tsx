"use client";

import { dangerButton } from "@/components/ui/buttons";
import { RoleBadge, ROLE_LABELS } from "./roles";
import type { MemberRow } from "./types";
import { useTeamAction } from "./useTeamAction";
import { ActionError } from "@/components/ui/ActionError";

/** The team's members for a lead or owner: change a role, remove someone (as allowed, row by row). */
export function MembersTable({ teamId, members }: { teamId: string; members: MemberRow[] }) {
  const { run, pending, error, notice } = useTeamAction();
  return (
    <div>
      <ul className="divide-y divide-line rounded-xl border border-line bg-surface" data-testid="members">
        {members.map((m) => (
          <li key={m.memberId} className="flex flex-wrap items-center gap-x-4 gap-y-2 p-4" data-testid={`member-${m.email}`}>
            <div className="min-w-0 flex-1 basis-48">
              <p className="font-medium">
                {m.name}
                {m.isMe && <span className="text-muted"> (you)</span>}
              </p>
              <p className="break-all text-sm text-muted">{m.email}</p>
            </div>
            {m.roleChoices.length > 1 ? (
              <div>
                <label htmlFor={`role-${m.memberId}`} className="sr-only">
                  Role of {m.name}
                </label>
                <select
                  id={`role-${m.memberId}`}
                  value={m.role}
                  disabled={pending !== null}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    const role = m.roleChoices.find((r) => r === value);
                    if (role === undefined) return;
                    const done = `${m.name} is now ${role === "owner" ? "an owner" : `a ${role}`}.`;
                    void run(`role-${m.memberId}`, "PATCH", `/api/v1/teams/${teamId}/members/${m.memberId}`, { role }, done);
                  }}
                  className="rounded-lg border border-line bg-surface px-2 py-1.5 text-sm"
                >
                  {m.roleChoices.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <RoleBadge role={m.role} />
            )}
            {m.canRemove && !m.isMe && (
              <button
                type="button"
                className={`${dangerButton} px-3 py-1.5 text-sm`}
                disabled={pending !== null}
                aria-label={`Remove ${m.name} from the team`}
                onClick={() => {
                  if (window.confirm(`Remove ${m.name} from the team? They can be invited again.`))
                    void run(`remove-${m.memberId}`, "DELETE", `/api/v1/teams/${teamId}/members/${m.memberId}`, undefined, `${m.name} was removed from the team.`);
                }}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="mt-2 text-sm text-muted" data-testid="members-notice">
        {notice}
      </p>
      <ActionError message={error} />
    </div>
  );
}
