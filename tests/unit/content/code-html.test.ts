import type { Element, Root } from "hast";
import { getMDXComponent } from "mdx-bundler/client";
import { createElement, isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { hastToHtml } from "shiki";
import { CODE_HTML_OPTIONS, rehypeCodeAsHtml } from "@/lib/content/code-html";
import { compileLessonMdx } from "@/lib/content/compile.server";
import { codeHighlightOptions, getHighlighter } from "@/lib/content/highlight.server";

const fence = "```";
const blocks = [
  { lang: "ts", code: 'const tag = "<b>&amp;</b>" as const; // <not a tag> & more\nlet n: Map<string, number[]> = new Map();' },
  { lang: "sh", code: "curl -s 'https://example.com/?a=1&b=2' | jq '.[] | select(.x < 3)'" },
  { lang: "json", code: '{ "a": "\\u003c" }' },
];

/** Every element React would build for a compiled lesson, by tag name: the tree it hydrates. */
function tagsOf(node: ReactNode, tags: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => tagsOf(n, tags));
  else if (isValidElement<{ children?: ReactNode }>(node)) {
    if (typeof node.type === "string") tags.push(node.type);
    tagsOf(node.props.children, tags);
  }
  return tags;
}

describe("highlighted code as one HTML string", () => {
  it("is one element for React to hydrate, not an element per token", async () => {
    const { code } = await compileLessonMdx(["---", "id: x", "---", "", "Some *prose*.", "", `${fence}ts`, blocks[0]!.code, fence, ""].join("\n"), process.cwd());
    // MDX's component, called without a wrapper, returns its element tree.
    const content = (getMDXComponent(code) as unknown as (props: object) => ReactNode)({});
    expect(tagsOf(content)).toEqual(["p", "em", "pre"]);
  });

  it("renders each block exactly as the highlighter writes it, wherever it sits in the lesson", async () => {
    const [ts, sh, json] = blocks.map((b) => `${fence}${b.lang}\n${b.code}\n${fence}`);
    const source = ["---", "id: x", "---", "", "Text.", "", ts, "", "- An item:", "", `  ${sh?.replaceAll("\n", "\n  ")}`, "", "<Note>", "", json, "", "</Note>", ""].join("\n");
    const { code } = await compileLessonMdx(source, process.cwd());
    expect(code).toContain("dangerouslySetInnerHTML");
    const Note = ({ children }: { children?: ReactNode }) => createElement("aside", null, children);
    const markup = renderToStaticMarkup(createElement(getMDXComponent(code), { components: { Note } }));

    const highlighter = await getHighlighter();
    const options = await codeHighlightOptions();
    const expected = blocks.map(({ lang, code: text }) => hastToHtml(highlighter.codeToHast(text, { lang, ...options }), CODE_HTML_OPTIONS));
    expect(markup.match(/<pre[\s\S]*?<\/pre>/g)).toEqual(expected);
    expect(expected[0]).toContain("&lt;not a tag> &#38; more");
  });

  it("leaves a <pre> it does not know as elements", () => {
    const pre = (properties: Element["properties"]): Element => ({ type: "element", tagName: "pre", properties, children: [{ type: "text", value: "x" }] });
    const tree: Root = { type: "root", children: [pre({ class: "shiki", tabindex: "0", dataLanguage: "ts" }), pre({}), pre({ class: "shiki", tabindex: "0" })] };
    rehypeCodeAsHtml()(tree);
    expect(tree.children.map((c) => c.type)).toEqual(["element", "element", "mdxJsxFlowElement"]);
  });
});
