"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type Result, sendJson } from "@/lib/account/client";

/**
 * Runs one team change, then re-renders the page from the server; keeps the last error in
 * words, and the last success when the caller names one (so a change is confirmed in words too).
 */
export function useTeamAction() {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = async (key: string, method: "POST" | "PATCH" | "DELETE", url: string, body?: unknown, success?: string): Promise<Result> => {
    setPending(key);
    setError(null);
    setNotice(null);
    const result = await sendJson(method, url, body);
    setPending(null);
    if (result.ok) {
      if (success) setNotice(success);
      router.refresh();
    } else setError(result.problem.detail);
    return result;
  };

  return { run, pending, error, notice };
}
