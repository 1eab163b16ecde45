/**
 * Code colours as classes instead of inline styles.
 *
 * shiki, with both code themes and `defaultColor: false`, gives every token an inline style of
 * CSS variables, one per theme and property (`--shiki-light:#A0111F;--shiki-dark:#FF9492`),
 * which a lesson page then carries twice: in its HTML and in its RSC payload. Here every
 * (variable, value) a theme can produce gets a short class instead (`l3`, `d5`), derived
 * from the two themes alone, and app/code-colors.css (generated from the same table by
 * `npm run generate:code-colors`) sets the variables for those classes; app/globals.css turns
 * the variables into colours and font styles, for the light or the dark theme.
 * A value with no class stays an inline style, so it still renders; tests check that no
 * lesson needs one. Pure: no file system, no highlighter.
 */
import type { Element, ElementContent } from "hast";
import { flatTokenVariants, type RawThemeSetting, type ShikiTransformer, type ThemeRegistrationResolved } from "shiki";

/** The two variants of the code themes, as CODE_THEMES names them. */
export type CodeThemeVariant = "light" | "dark";
const VARIANTS: readonly CodeThemeVariant[] = ["light", "dark"];

/** shiki's default prefix: `--shiki-light`, `--shiki-light-bg`, `--shiki-light-font-style`… */
const VARIABLE_PREFIX = "--shiki-";

export interface CodeClassRule {
  className: string;
  variable: string;
  value: string;
}

export interface CodeClassTable {
  /** Each theme's default colour, set on the whole block: tokens of that colour need no class. */
  defaults: Record<CodeThemeVariant, string>;
  /** `${variable}:${value}` (value in lower case) → class name. */
  classes: Map<string, string>;
  /** In stylesheet order. */
  rules: CodeClassRule[];
}

const key = (variable: string, value: string) => `${variable}:${value.toLowerCase()}`;

// vscode-textmate's FontStyle flags: a const enum there, which isolatedModules cannot import.
const FONT_STYLE_FLAGS: Record<string, number> = { italic: 1, bold: 2, underline: 4, strikethrough: 8 };

/** The CSS variables shiki writes for a token that one rule of a theme styles, in that theme's variant. */
function variablesOfRule(variant: CodeThemeVariant, { settings }: RawThemeSetting): Record<string, string> {
  const fontStyle = (settings.fontStyle ?? "").split(/\s+/).reduce((flags, word) => flags | (FONT_STYLE_FLAGS[word] ?? 0), 0);
  const styles = { color: settings.foreground, bgColor: settings.background, fontStyle };
  const token = { content: "", offset: 0, variants: { [variant]: styles } };
  return flatTokenVariants(token, [variant], VARIABLE_PREFIX, false).htmlStyle ?? {};
}

/**
 * Every style the two themes' rules can give a token, as shiki writes it, with a class each:
 * `l0`, `l1`… for the light theme, `d0`, `d1`… for the dark one, colours first (the commonest
 * tokens get the shortest names). A theme's default colour gets none: it is the block's.
 */
export function codeClassTable(themes: Record<CodeThemeVariant, ThemeRegistrationResolved>): CodeClassTable {
  const defaults = { light: themes.light.fg.toLowerCase(), dark: themes.dark.fg.toLowerCase() };
  const classes = new Map<string, string>();
  const rules: CodeClassRule[] = [];
  for (const variant of VARIANTS) {
    const styles = new Map<string, Omit<CodeClassRule, "className">>();
    for (const rule of themes[variant].settings) {
      for (const [variable, value] of Object.entries(variablesOfRule(variant, rule))) {
        if (!isDefaultColour(variable, value, defaults)) styles.set(key(variable, value), { variable, value: value.toLowerCase() });
      }
    }
    const isColour = (style: Omit<CodeClassRule, "className">) => Number(style.variable === VARIABLE_PREFIX + variant);
    const ordered = [...styles].sort(([a, styleA], [b, styleB]) => isColour(styleB) - isColour(styleA) || a.localeCompare(b));
    for (const [index, [style, { variable, value }]] of ordered.entries()) {
      const className = `${variant[0]}${index}`;
      classes.set(style, className);
      rules.push({ className, variable, value });
    }
  }
  return { defaults, classes, rules };
}

function isDefaultColour(variable: string, value: string, defaults: Record<CodeThemeVariant, string>): boolean {
  return VARIANTS.some((variant) => variable === VARIABLE_PREFIX + variant && value.toLowerCase() === defaults[variant]);
}

/** The stylesheet for a table: the block's default colours, then one rule per class. */
export function codeClassStylesheet(table: CodeClassTable, header: string): string {
  const lines = [
    `/* ${header} */`,
    `.shiki { ${VARIABLE_PREFIX}light: ${table.defaults.light}; ${VARIABLE_PREFIX}dark: ${table.defaults.dark}; }`,
    // Unscoped: these classes only set variables, which only highlighted code reads.
    ...table.rules.map((r) => `.${r.className} { ${r.variable}: ${r.value}; }`),
  ];
  return `${lines.join("\n")}\n`;
}

/** A token's style as classes, plus what has no class (kept as an inline style). */
export function classifyTokenStyle(style: Record<string, string>, table: CodeClassTable): { classes: string[]; inline: Record<string, string> } {
  const classes: string[] = [];
  const inline: Record<string, string> = {};
  for (const [variable, value] of Object.entries(style)) {
    // "inherit" is shiki's filler for a property only the other theme sets: the same as unset.
    if (value === "inherit") continue;
    if (isDefaultColour(variable, value, table.defaults)) continue;
    const className = table.classes.get(key(variable, value));
    if (className) classes.push(className);
    else inline[variable] = value;
  }
  return { classes, inline };
}

const isBareSpan = (node: ElementContent): node is Element =>
  node.type === "element" && node.tagName === "span" && Object.keys(node.properties).length === 0 && node.children.every((c) => c.type === "text");

/** A line's children with class-less spans unwrapped and neighbouring text joined, so React sees one string. */
function flattenLine(children: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children.flatMap((c) => (isBareSpan(c) ? c.children : [c]))) {
    const last = out.at(-1);
    if (child.type === "text" && last?.type === "text") last.value += child.value;
    else out.push(child.type === "text" ? { ...child } : child);
  }
  return out;
}

/**
 * The shiki transformer: token styles become classes (inline only for what has no class), a
 * token in the default colour becomes plain text, and the block keeps only the `shiki` class
 * (its colours come from the stylesheet, not from an inline style).
 */
export function codeClassTransformer(table: CodeClassTable): ShikiTransformer {
  return {
    name: "quorum:code-classes",
    span(node, _line, _col, _lineElement, token) {
      if (!token.htmlStyle) return node;
      const { classes, inline } = classifyTokenStyle(token.htmlStyle, table);
      const { style: _inlineStyle, ...properties } = node.properties;
      if (classes.length > 0) properties.class = [properties.class, ...classes].filter(Boolean).join(" ");
      const style = Object.entries(inline).map(([variable, value]) => `${variable}:${value}`).join(";");
      if (style) properties.style = style;
      return { ...node, properties };
    },
    line(node) {
      node.children = flattenLine(node.children);
    },
    pre(node) {
      node.properties.class = "shiki";
      delete node.properties.style;
    },
  };
}
