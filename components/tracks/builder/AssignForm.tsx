"use client";

import { useState } from "react";
import { sendJson } from "@/lib/account/client";
import { primaryButton } from "@/components/ui/buttons";

export interface AssignableMember {
  memberId: string;
  name: string;
  role: "owner" | "lead" | "member";
}

/** Who has the track: the whole team (members who join later too), or members chosen one by one. */
export function AssignForm({
  teamId,
  trackId,
  published,
  wholeTeam,
  memberIds,
  members,
  onSaved,
}: {
  teamId: string;
  trackId: string;
  published: boolean;
  wholeTeam: boolean;
  memberIds: string[];
  members: readonly AssignableMember[];
  onSaved: (data: unknown) => void;
}) {
  const [mode, setMode] = useState<"team" | "chosen">(wholeTeam ? "team" : "chosen");
  const [chosen, setChosen] = useState<Set<string>>(new Set(memberIds));
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    setNotice(null);
    const body = { wholeTeam: mode === "team", memberIds: mode === "team" ? [] : [...chosen] };
    const result = await sendJson("PUT", `/api/v1/teams/${teamId}/tracks/${trackId}/assignments`, body);
    setPending(false);
    if (!result.ok) return setError(result.problem.detail);
    onSaved(result.data);
    const who = body.wholeTeam ? "the whole team, including members who join later" : body.memberIds.length === 0 ? "nobody" : `${body.memberIds.length} ${body.memberIds.length === 1 ? "member" : "members"}`;
    setNotice(`Assigned to ${who}.${published ? "" : " They will see it once you publish it."}`);
  };

  return (
    <section aria-labelledby="assign-heading" className="mt-10 rounded-xl border border-line bg-surface p-5">
      <h2 id="assign-heading" className="text-lg font-semibold">
        Assign
      </h2>
      <p className="mt-1 text-sm text-muted">“Days after assignment” due dates count from the day each member gets the track.</p>
      <form noValidate onSubmit={(e) => void submit(e)} className="mt-4">
        <fieldset className="space-y-2">
          <legend className="sr-only">Who gets this track</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="assign-mode" className="size-4" checked={mode === "team"} onChange={() => setMode("team")} />
            The whole team, including members who join later
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="assign-mode" className="size-4" checked={mode === "chosen"} onChange={() => setMode("chosen")} />
            Chosen members
          </label>
        </fieldset>
        {mode === "chosen" && (
          <fieldset className="mt-3 ml-6 space-y-1.5">
            <legend className="mb-1 text-sm font-medium">Members</legend>
            {members.map((m) => (
              <label key={m.memberId} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  className="size-4"
                  checked={chosen.has(m.memberId)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.currentTarget.checked) next.add(m.memberId);
                    else next.delete(m.memberId);
                    setChosen(next);
                  }}
                />
                {m.name}
                {m.role !== "member" && <span className="text-sm text-muted">({m.role})</span>}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit" className={`${primaryButton} mt-4`} disabled={pending}>
          {pending ? "Saving…" : "Save assignment"}
        </button>
        <p role="status" className="mt-2 min-h-5 text-sm font-medium">
          {error ? <span className="text-bad">{error}</span> : <span className="text-good">{notice}</span>}
        </p>
      </form>
    </section>
  );
}
