/**
 * The one definition of the search index, shared by the build that writes it and the browser
 * that loads it: MiniSearch must be given the same options on both sides.
 */
import type { AsPlainObject, Options, SearchOptions } from "minisearch";
import type { SearchDocument } from "./documents";

/** Where the built index is served (app/search-index.json/route.ts). */
export const SEARCH_INDEX_URL = "/search-index.json";
export const SEARCH_INDEX_FORMAT = "quorum-search-index";
export const SEARCH_INDEX_VERSION = 1;

/** Words too common to find anything with; leaving them out keeps the index small. */
const STOP_WORDS = new Set(
  (
    "a an and are as at be but by can do does for from had has have if in into is it its may more most " +
    "no not of on one or so such than that the their them then there these they this those to was were " +
    "what when which while who will with would you your"
  ).split(" "),
);

/**
 * Lower case, without stop words, and with plurals folded ("retries" is indexed as "retry",
 * "keys" as "key"), so a search for either form finds both. Applied to the text when the index
 * is built and to every query, and used by the snippet to mark what matched.
 */
export function normalizeTerm(term: string): string | null {
  const lower = term.toLowerCase();
  if (lower.length < 2 || STOP_WORDS.has(lower)) return null;
  if (lower.length > 4 && lower.endsWith("ies")) return `${lower.slice(0, -3)}y`;
  if (lower.length > 3 && lower.endsWith("s") && !/(ss|us|is)$/.test(lower)) return lower.slice(0, -1);
  return lower;
}

/** Prefix matching ("idempot" finds idempotency) and typo tolerance (one edit in five letters). */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { heading: 2.5 },
  prefix: true,
  fuzzy: 0.2,
  combineWith: "AND",
};

export const INDEX_OPTIONS: Options<SearchDocument> = {
  idField: "id",
  fields: ["heading", "text"],
  storeFields: ["lessonId", "lessonNumber", "lessonTitle", "section", "anchor", "text"],
  processTerm: normalizeTerm,
  searchOptions: SEARCH_OPTIONS,
};

/*
 * The index is checked before it is trusted, with small type guards rather than zod: zod
 * already ships in every page's first load (for stored progress), and using it in the lazily
 * loaded search code too makes the bundler split it and adds 1.7 KB to every page
 * (measured with bench:pages). The guards check what the code relies on.
 */
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/**
 * MiniSearch's own serialization (its `AsPlainObject`). Only its outline is checked: checking
 * every term costs hundreds of milliseconds, and MiniSearch's loadJS checks the serialization
 * version itself and throws on anything it cannot read.
 */
function isSerializedIndex(value: unknown): value is AsPlainObject {
  return (
    isRecord(value) &&
    typeof value.documentCount === "number" &&
    typeof value.nextId === "number" &&
    typeof value.serializationVersion === "number" &&
    isRecord(value.documentIds) &&
    isRecord(value.fieldIds) &&
    isRecord(value.fieldLength) &&
    isRecord(value.storedFields) &&
    Array.isArray(value.averageFieldLength) &&
    Array.isArray(value.index)
  );
}

export interface SearchIndexFile {
  format: typeof SEARCH_INDEX_FORMAT;
  version: typeof SEARCH_INDEX_VERSION;
  index: AsPlainObject;
}

/** The file the build writes: MiniSearch's serialization inside a versioned envelope. */
export function isSearchIndexFile(value: unknown): value is SearchIndexFile {
  return isRecord(value) && value.format === SEARCH_INDEX_FORMAT && value.version === SEARCH_INDEX_VERSION && isSerializedIndex(value.index);
}

/** A search result: the stored fields of a document, and the index terms that matched (which the snippet marks). */
export type StoredHit = Pick<SearchDocument, "id" | "lessonId" | "lessonNumber" | "lessonTitle" | "section" | "anchor" | "text"> & {
  terms: string[];
};

/** What each result carries back from the index, checked before it is shown. */
export function isStoredHit(value: unknown): value is StoredHit {
  if (!isRecord(value)) return false;
  const strings = ["id", "lessonId", "lessonTitle", "section", "text"].every((key) => typeof value[key] === "string");
  return (
    strings &&
    typeof value.lessonNumber === "number" &&
    (value.anchor === null || typeof value.anchor === "string") &&
    Array.isArray(value.terms) &&
    value.terms.every((t) => typeof t === "string")
  );
}
