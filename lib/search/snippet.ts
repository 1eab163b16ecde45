/**
 * A short excerpt of a section around the first word that matched, with every matching word
 * marked. Words are cut and normalized the way the index cuts and normalizes them (at spaces
 * and punctuation; see normalizeTerm), so what is marked is what was found. Pure.
 */

export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface Snippet {
  parts: SnippetPart[];
  /** Whether text was left out before or after the excerpt. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

const WORD = /[^\n\r\p{Z}\p{P}]+/gu;

/**
 * @param terms the index terms that matched (as the index stores them, normalized)
 * @param normalize how the index turns a word into a term; lower case if not given
 * @param before roughly how many characters to show before the first match
 * @param length roughly how long the excerpt is
 */
export function makeSnippet(
  text: string,
  terms: readonly string[],
  normalize: (word: string) => string | null = (word) => word.toLowerCase(),
  before = 60,
  length = 180,
): Snippet {
  const wanted = new Set(terms);
  const matches = [...text.matchAll(WORD)]
    .filter((m) => wanted.has(normalize(m[0]) ?? ""))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));

  const firstStart = matches[0]?.start ?? 0;
  let start = Math.max(0, firstStart - before);
  let end = Math.min(text.length, start + length);
  if (end === text.length) start = Math.max(0, end - length);
  // Snap to word boundaries so no word is cut in half.
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space === -1 || space >= firstStart ? start : space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    end = space > start && space > (matches[0]?.end ?? 0) ? space : end;
  }

  const parts: SnippetPart[] = [];
  let at = start;
  for (const m of matches) {
    if (m.end <= start || m.start >= end) continue;
    const from = Math.max(m.start, start);
    const to = Math.min(m.end, end);
    if (from > at) parts.push({ text: text.slice(at, from), match: false });
    parts.push({ text: text.slice(from, to), match: true });
    at = to;
  }
  if (at < end) parts.push({ text: text.slice(at, end), match: false });
  return { parts, clippedStart: start > 0, clippedEnd: end < text.length };
}
