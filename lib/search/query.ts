/**
 * Loads the built index in the browser and answers queries with typed results: lesson,
 * section, the anchor to open and a snippet with the matches marked.
 */
import MiniSearch from "minisearch";
import type { SearchDocument } from "./documents";
import { INDEX_OPTIONS, isSearchIndexFile, isStoredHit, normalizeTerm } from "./options";
import { makeSnippet, type Snippet } from "./snippet";

export interface SearchHit {
  id: string;
  lessonId: string;
  lessonNumber: number;
  lessonTitle: string;
  section: string;
  /** Where the result leads: the lesson page, at the section's heading when there is one. */
  href: string;
  snippet: Snippet;
}

export type LoadedIndex = { ok: true; engine: MiniSearch<SearchDocument> } | { ok: false; reason: string };

/** Checks what was fetched before trusting it; a broken or stale file gives a reason, not a crash. */
export function loadSearchIndex(json: unknown): LoadedIndex {
  if (!isSearchIndexFile(json)) return { ok: false, reason: "the search index is not in the expected format" };
  try {
    // loadJS checks MiniSearch's own serialization version and throws on a mismatch.
    return { ok: true, engine: MiniSearch.loadJS(json.index, INDEX_OPTIONS) };
  } catch {
    return { ok: false, reason: "the search index could not be read" };
  }
}

export function hrefFor(lessonId: string, anchor: string | null): string {
  return `/lessons/${lessonId}${anchor ? `#${anchor}` : ""}`;
}

export function searchLessons(engine: MiniSearch<SearchDocument>, query: string, limit = 20): SearchHit[] {
  if (query.trim() === "") return [];
  // Every word must match; if that finds nothing, fall back to any word.
  let results = engine.search(query);
  if (results.length === 0) results = engine.search(query, { combineWith: "OR" });
  const hits: SearchHit[] = [];
  for (const result of results) {
    if (!isStoredHit(result)) continue;
    const { id, lessonId, lessonNumber, lessonTitle, section, anchor, text, terms } = result;
    hits.push({ id, lessonId, lessonNumber, lessonTitle, section, href: hrefFor(lessonId, anchor), snippet: makeSnippet(text, terms, normalizeTerm) });
    if (hits.length === limit) break;
  }
  return hits;
}
