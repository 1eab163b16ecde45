/** One shiki highlighter for the whole build, loaded once with the languages lessons use. */
import { createHighlighter, type Highlighter } from "shiki";

export const CODE_LANGUAGES = ["ts", "tsx", "js", "json", "yaml", "sql", "sh", "http", "text"] as const;
export const CODE_THEMES = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;

let highlighter: Promise<Highlighter> | undefined;

export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: Object.values(CODE_THEMES),
    langs: CODE_LANGUAGES.filter((l) => l !== "text"),
  });
  return highlighter;
}
