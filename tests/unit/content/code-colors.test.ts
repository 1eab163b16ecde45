import { readFile } from "node:fs/promises";
import type { Element, ElementContent, Root } from "hast";
import { createHighlighter } from "shiki";
import { type CodeClassTable, classifyTokenStyle, codeClassTransformer } from "@/lib/content/code-colors";
import {
  CODE_COLORS_STYLESHEET,
  CODE_THEMES,
  codeColorsStylesheet,
  codeHighlightOptions,
  GENERATE_CODE_COLORS_COMMAND,
  getCodeClassTable,
  getHighlighter,
} from "@/lib/content/highlight.server";
import { checkContent } from "@/lib/content/lessons.server";

type Vars = Record<string, string>;

const parseStyle = (style: unknown): Vars =>
  Object.fromEntries(
    String(style ?? "")
      .split(";")
      .filter(Boolean)
      .map((declaration) => {
        const at = declaration.indexOf(":");
        return [declaration.slice(0, at), declaration.slice(at + 1).toLowerCase()];
      })
      // shiki's "inherit" filler means the same as not setting the variable.
      .filter(([, value]) => value !== "inherit"),
  );

const classesOf = (node: Element) => String(node.properties.class ?? "").split(" ").filter(Boolean);

/** The variables in force on each character of a highlighted block, one string per character. */
function perCharacter(root: Root, base: Vars, tokenVars: (span: Element) => Vars): string[] {
  const out: string[] = [];
  const visit = (node: ElementContent | Root, vars: Vars) => {
    if (node.type === "text") {
      const entry = JSON.stringify(Object.entries(vars).sort());
      for (const _ of node.value) out.push(entry);
    } else if (node.type === "element" || node.type === "root") {
      const own = node.type === "element" && node.tagName === "span" ? tokenVars(node) : {};
      for (const child of node.children) visit(child as ElementContent, { ...vars, ...own });
    }
  };
  visit(root, base);
  return out;
}

function tokenSpans(root: Root): Element[] {
  const spans: Element[] = [];
  const visit = (node: ElementContent | Root) => {
    if (node.type === "element" && node.tagName === "span" && !classesOf(node).includes("line")) spans.push(node);
    if (node.type === "element" || node.type === "root") node.children.forEach((c) => visit(c as ElementContent));
  };
  visit(root);
  return spans;
}

let table: CodeClassTable;
beforeAll(async () => {
  table = await getCodeClassTable();
});

const themes = { themes: CODE_THEMES, defaultColor: false } as const;
// Font styles come from a regex escape (bold) in TypeScript, and from Markdown, which lessons do
// not use but which has italic, bold and strikethrough, so the test loads it itself.
const samples: { lang: string; code: string }[] = [
  { lang: "ts", code: 'export function seeded(seed: number): () => number { // comment\n  const re = /a\\.b+/g;\n  return () => `${seed}` as unknown as number;\n}\n' },
  { lang: "tsx", code: "const a = <Box id={1} hidden>text</Box>;\n" },
  { lang: "json", code: '{ "a": [1, true, null, "s"] }\n' },
  { lang: "yaml", code: "key: value # note\nlist:\n  - 1\n  - 'two'\n" },
  { lang: "sql", code: "SELECT id, count(*) FROM orders WHERE state = 'paid' GROUP BY id;\n" },
  { lang: "sh", code: 'curl -sf "$URL" | jq .id # fetch\nexport X=1\n' },
  { lang: "http", code: "POST /orders HTTP/1.1\nIdempotency-Key: 42\n\n{}\n" },
  { lang: "md", code: "# Heading\n\n*italic* **bold** ~~gone~~ `code` [link](https://example.com)\n" },
];

describe("code colours as classes", () => {
  it("keep every character of every sample in the colours and font styles shiki gives it", async () => {
    const shiki = await createHighlighter({ themes: Object.values(CODE_THEMES), langs: samples.map((s) => s.lang) });
    const options = await codeHighlightOptions();
    const rules = new Map(table.rules.map((r) => [r.className, r]));
    const defaults = { "--shiki-light": table.defaults.light, "--shiki-dark": table.defaults.dark };
    let fontStyled = 0;
    for (const { lang, code } of samples) {
      const reference = shiki.codeToHast(code, { lang, ...themes });
      const pre = reference.children[0] as Element;
      const { "--shiki-light": light = "", "--shiki-dark": dark = "" } = parseStyle(pre.properties.style);
      const expected = perCharacter(reference, { "--shiki-light": light, "--shiki-dark": dark }, (span) => parseStyle(span.properties.style));

      const classed = shiki.codeToHast(code, { lang, ...options });
      const spans = tokenSpans(classed);
      expect(spans.filter((s) => s.properties.style !== undefined), lang).toEqual([]);
      expect(spans.length, lang).toBeGreaterThan(0);
      const actual = perCharacter(classed, defaults, (span) =>
        Object.fromEntries(classesOf(span).flatMap((c) => (rules.has(c) ? [[rules.get(c)?.variable, rules.get(c)?.value]] : []))),
      );
      expect(actual, lang).toEqual(expected);
      fontStyled += expected.filter((vars) => /font|decoration/.test(vars)).length;
    }
    expect(fontStyled).toBeGreaterThan(10);
  });

  it("write the block with only the shiki class, and a token in the default colour as plain text", async () => {
    const shiki = await getHighlighter();
    const html = shiki.codeToHtml("a + b;\nreturn 1;", { lang: "ts", ...(await codeHighlightOptions()) });
    expect(html).toMatch(/^<pre class="shiki" tabindex="0"><code><span class="line">a <span class="l\d+ d\d+">\+<\/span> b;<\/span>\n<span class="line"><span class="l\d+ d\d+">return<\/span><span class="l\d+ d\d+"> 1<\/span>;<\/span><\/code><\/pre>$/);
  });

  it("fall back to an inline style for a value that has no class", async () => {
    const shiki = await getHighlighter();
    const keyword = table.classes.get("--shiki-light:#a0111f");
    expect(keyword).toBeDefined();
    const partial: CodeClassTable = { ...table, classes: new Map([...table.classes].filter(([style]) => style !== "--shiki-light:#a0111f")) };
    const html = shiki.codeToHtml("return 1;", { lang: "ts", ...themes, transformers: [codeClassTransformer(partial)] });
    expect(html).toMatch(/<span class="d\d+" style="--shiki-light:#A0111F">return<\/span>/);
    expect(classifyTokenStyle({ "--shiki-light": "#123456", "--shiki-dark": "inherit" }, table)).toEqual({ classes: [], inline: { "--shiki-light": "#123456" } });
  });

  it("give each style of both themes one class, and none to a theme's default colour", () => {
    const names = table.rules.map((r) => r.className);
    expect(new Set(names).size).toBe(names.length);
    expect(table.rules.filter((r) => r.variable === "--shiki-light" && r.value === table.defaults.light)).toEqual([]);
    expect(table.rules.find((r) => r.variable === "--shiki-light")?.className).toBe("l0");
    expect(table.rules.find((r) => r.variable === "--shiki-dark")?.className).toBe("d0");
    expect(table.rules.map((r) => r.variable)).toEqual(expect.arrayContaining(["--shiki-light-font-style", "--shiki-dark-font-weight", "--shiki-light-text-decoration", "--shiki-dark-bg"]));
  });

  it("are the classes of the committed stylesheet", async () => {
    const committed = await readFile(CODE_COLORS_STYLESHEET, "utf8");
    expect(committed, `${CODE_COLORS_STYLESHEET} is out of date with CODE_THEMES: run \`${GENERATE_CODE_COLORS_COMMAND}\``).toBe(await codeColorsStylesheet());
  });

  it("cover every token of every lesson: no lesson falls back to inline styles", { timeout: 120_000 }, async () => {
    const { lessons } = await checkContent();
    expect(lessons.length).toBeGreaterThanOrEqual(20);
    const fallingBack = lessons.filter((lesson) => lesson.code.includes("--shiki-")).map((lesson) => lesson.id);
    expect(fallingBack, "these lessons have code tokens styled inline: a colour of the code themes has no class").toEqual([]);
    expect(lessons.filter((lesson) => !/class="l\d+ d\d+"/.test(lesson.code)).map((l) => l.id)).toEqual([]);
  });
});
