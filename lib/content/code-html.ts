/**
 * A highlighted code block reaches the page as one HTML string (`dangerouslySetInnerHTML`)
 * instead of a tree of React elements. The page is the same, but the RSC payload Next inlines
 * in it then carries `<span class="l8 d6">export</span>` for a token rather than
 * `["$","span",null,{"className":"l8 d6","children":"export"}]` (about 0.5 KB gzipped less on a
 * code-heavy lesson), and React hydrates the block as one element instead of one per token
 * (half of a code-heavy lesson's elements). The HTML is shiki's (its text escaped by hast-util-to-html), made from the
 * lesson's own code at build time. A rehype plugin, run after shiki.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { hastToHtml } from "shiki";

/** `&lt;`, as React would write it, rather than hast-util-to-html's default `&#x3C;`. */
export const CODE_HTML_OPTIONS = { characterReferences: { useShortestReferences: true } } as const;

/** The attributes a highlighted <pre> may have; one with anything else is left as it is. */
const PRE_ATTRIBUTES: Record<string, string> = { class: "className", className: "className", tabindex: "tabIndex", tabIndex: "tabIndex" };

const classesOf = (node: Element) => {
  const value = node.properties.class ?? node.properties.className;
  return Array.isArray(value) ? value.map(String) : String(value ?? "").split(" ");
};

const isHighlighted = (node: Element) =>
  node.tagName === "pre" && classesOf(node).includes("shiki") && Object.keys(node.properties).every((name) => name in PRE_ATTRIBUTES);

/** `<pre className=… tabIndex=… dangerouslySetInnerHTML={{ __html: "<code>…</code>" }} />`, as MDX's syntax tree spells it. */
function preWithHtml(pre: Element) {
  const attributes: object[] = Object.entries(pre.properties).map(([name, value]) => ({
    type: "mdxJsxAttribute",
    name: PRE_ATTRIBUTES[name],
    value: PRE_ATTRIBUTES[name] === "className" ? classesOf(pre).join(" ") : String(value),
  }));
  const html = { type: "Literal", value: hastToHtml(pre.children, CODE_HTML_OPTIONS) };
  const object = {
    type: "ObjectExpression",
    properties: [{ type: "Property", kind: "init", method: false, shorthand: false, computed: false, key: { type: "Identifier", name: "__html" }, value: html }],
  };
  attributes.push({
    type: "mdxJsxAttribute",
    name: "dangerouslySetInnerHTML",
    value: {
      type: "mdxJsxAttributeValueExpression",
      value: "",
      data: { estree: { type: "Program", sourceType: "module", body: [{ type: "ExpressionStatement", expression: object }] } },
    },
  });
  return { type: "mdxJsxFlowElement", name: "pre", attributes, children: [] } as unknown as ElementContent;
}

function replaceHighlighted(node: Root | RootContent): void {
  if (!("children" in node)) return;
  node.children = node.children.map((child) => (child.type === "element" && isHighlighted(child) ? preWithHtml(child) : child)) as typeof node.children;
  node.children.forEach(replaceHighlighted);
}

export function rehypeCodeAsHtml() {
  return (tree: Root) => replaceHighlighted(tree);
}
