/** Builds the search index from typed lessons. Runs at build time (the index route) and in the benchmark. */
import MiniSearch from "minisearch";
import type { Lesson } from "@/lib/content/types";
import { searchDocuments } from "./documents";
import { INDEX_OPTIONS, SEARCH_INDEX_FORMAT, SEARCH_INDEX_VERSION } from "./options";

export function buildSearchIndex(lessons: readonly Lesson[]) {
  const index = new MiniSearch(INDEX_OPTIONS);
  index.addAll(searchDocuments(lessons));
  return { format: SEARCH_INDEX_FORMAT, version: SEARCH_INDEX_VERSION, index: index.toJSON() };
}
