"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { pick, sendJson } from "@/lib/account/client";
import type { DraftContent } from "@/lib/tracks/schema";
import { primaryButton } from "@/components/ui/buttons";

export interface StartingPoint {
  id: string;
  title: string;
  content: DraftContent;
}

/** Starts a draft: empty, or a copy of a built-in track to adapt. Opens the builder on it. */
export function NewTrackForm({ teamId, startingPoints }: { teamId: string; startingPoints: readonly StartingPoint[] }) {
  const router = useRouter();
  const [from, setFrom] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    const start = startingPoints.find((s) => s.id === from);
    const result = await sendJson("POST", `/api/v1/teams/${teamId}/tracks`, start ? { content: start.content, copiedFrom: start.id } : {});
    const id = result.ok ? pick(result.data, "track", "track", "id") : undefined;
    if (!result.ok || !id) {
      setPending(false);
      return setError(result.ok ? "The track was made but could not be opened; reload the page." : result.problem.detail);
    }
    router.push(`/teams/${teamId}/tracks/${id}`);
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="flex flex-wrap items-end gap-3">
      <div className="min-w-0 flex-1 basis-64">
        <label htmlFor="start-from" className="block font-medium">
          Start from
        </label>
        <select id="start-from" value={from} onChange={(e) => setFrom(e.currentTarget.value)} className="mt-1.5 block w-full rounded-lg border border-line bg-surface px-3 py-2">
          <option value="">An empty track</option>
          {startingPoints.map((s) => (
            <option key={s.id} value={s.id}>
              A copy of “{s.title}”
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? "Creating…" : "New track"}
      </button>
      <p role="status" className="w-full min-h-5 text-sm font-medium text-bad">
        {error}
      </p>
    </form>
  );
}
