"use client";

import { useEffect, useState } from "react";
import { SEARCH_INDEX_URL } from "@/lib/search/options";
import { type LoadedIndex, loadSearchIndex } from "@/lib/search/query";

export type IndexState = { status: "loading" } | { status: "error"; reason: string } | Extract<LoadedIndex, { ok: true }> & { status: "ready" };

// Fetched once per visit and kept: later searches need no network, so they work offline.
let pending: Promise<LoadedIndex> | null = null;

function fetchIndex(): Promise<LoadedIndex> {
  pending ??= fetch(SEARCH_INDEX_URL)
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
    .then(loadSearchIndex, () => ({ ok: false as const, reason: "the search index could not be downloaded" }))
    .then((loaded) => {
      if (!loaded.ok) pending = null; // let the next opening try again
      return loaded;
    });
  return pending;
}

/** The search index, loaded the first time search opens. */
export function useSearchIndex(): IndexState {
  const [state, setState] = useState<IndexState>({ status: "loading" });
  useEffect(() => {
    let live = true;
    void fetchIndex().then((loaded) => {
      if (live) setState(loaded.ok ? { ...loaded, status: "ready" } : { status: "error", reason: loaded.reason });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
