/** One shiki highlighter for the whole build, loaded once with the languages lessons use, and how it highlights. */
import { type CodeOptionsMultipleThemes, createHighlighter, type Highlighter, type ShikiTransformer } from "shiki";
import { type CodeClassTable, codeClassStylesheet, codeClassTable, codeClassTransformer } from "./code-colors";

export const CODE_LANGUAGES = ["ts", "tsx", "js", "json", "yaml", "sql", "sh", "http", "text"] as const;
export const CODE_THEMES = { light: "github-light-high-contrast", dark: "github-dark-high-contrast" } as const;

/** The stylesheet that gives code tokens' classes their colours: generated from CODE_THEMES, committed. */
export const CODE_COLORS_STYLESHEET = "app/code-colors.css";
export const GENERATE_CODE_COLORS_COMMAND = "npm run generate:code-colors";

let highlighter: Promise<Highlighter> | undefined;

export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({
    themes: Object.values(CODE_THEMES),
    langs: CODE_LANGUAGES.filter((l) => l !== "text"),
  });
  return highlighter;
}

/** The classes code tokens get for the colours and font styles of CODE_THEMES. */
export async function getCodeClassTable(): Promise<CodeClassTable> {
  const shiki = await getHighlighter();
  return codeClassTable({ light: shiki.getTheme(CODE_THEMES.light), dark: shiki.getTheme(CODE_THEMES.dark) });
}

/** What CODE_COLORS_STYLESHEET must hold. */
export async function codeColorsStylesheet(): Promise<string> {
  const header = `Generated from CODE_THEMES (lib/content/highlight.server.ts) by \`${GENERATE_CODE_COLORS_COMMAND}\`: do not edit. app/globals.css reads the variables.`;
  return codeClassStylesheet(await getCodeClassTable(), header);
}

export type CodeHighlightOptions = Pick<CodeOptionsMultipleThemes, "themes" | "defaultColor"> & {
  tokenizeTimeLimit: number;
  mergeSameStyleTokens: boolean;
  transformers: ShikiTransformer[];
};

/**
 * How lesson code is highlighted (the MDX compiler's options, also used by tests): both themes
 * as CSS variables, set through classes (lib/content/code-colors.ts), with neighbouring tokens
 * of one style joined, since a lesson page carries its code twice (HTML and RSC payload).
 * No time limit per line: shiki's default (500 ms) stops tokenizing a line that takes longer,
 * and on a loaded build machine the rest of the line then keeps the colour of its last token.
 * A build must give the same page however busy the machine is.
 */
export async function codeHighlightOptions(): Promise<CodeHighlightOptions> {
  return {
    themes: CODE_THEMES,
    defaultColor: false,
    tokenizeTimeLimit: 0,
    mergeSameStyleTokens: true,
    transformers: [codeClassTransformer(await getCodeClassTable())],
  };
}
