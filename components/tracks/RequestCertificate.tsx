"use client";

import { IntentLink as Link } from "@/components/site/IntentLink";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { primaryButton } from "@/components/ui/buttons";

type State = { kind: "idle" } | { kind: "pending" } | { kind: "signed-out" } | { kind: "refused"; message: string };

/**
 * Asks the server for a certificate for this track. The server checks completion on the
 * synced facts, so the answer may be "not complete yet" (progress made here but not synced).
 */
export function RequestCertificate({ track, className = "" }: { track: { kind: "built-in" | "team"; trackId: string }; className?: string }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "idle" });
  async function request() {
    setState({ kind: "pending" });
    try {
      const response = await fetch("/api/v1/certificates", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ track }) });
      const body: unknown = await response.json().catch(() => null);
      if (response.status === 401) return setState({ kind: "signed-out" });
      const url = (body as { certificate?: { url?: unknown } } | null)?.certificate?.url;
      if (response.ok && typeof url === "string") return router.push(url);
      const detail = (body as { detail?: unknown } | null)?.detail;
      setState({ kind: "refused", message: typeof detail === "string" ? detail : "The certificate could not be issued; try again shortly." });
    } catch {
      setState({ kind: "refused", message: "The server could not be reached; try again when you are online." });
    }
  }
  return (
    <div className={className}>
      <button type="button" className={primaryButton} disabled={state.kind === "pending"} onClick={() => void request()}>
        {state.kind === "pending" ? "Checking your progress…" : "Get your certificate"}
      </button>
      <p role="status" className="mt-2 min-h-5 text-sm">
        {state.kind === "signed-out" ? (
          <span>
            Certificates are issued from synced progress:{" "}
            <Link href="/signin" className="font-medium text-accent underline underline-offset-2">
              sign in
            </Link>{" "}
            first.
          </span>
        ) : state.kind === "refused" ? (
          <span className="font-medium text-bad">{state.message}</span>
        ) : null}
      </p>
    </div>
  );
}
