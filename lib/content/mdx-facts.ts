/**
 * remark/rehype plugins that record what a lesson's MDX contains, so the content checks
 * can verify it: the components it uses (in order), its internal links, its headings
 * (with the anchors rehype-slug gave them) and its prose word count.
 */
import type { LessonSection } from "./sections";

export interface Heading {
  depth: 2 | 3;
  id: string;
  text: string;
}

export interface MdxFacts {
  components: string[];
  links: string[];
  headings: Heading[];
  /** The lesson cut at its headings, as plain text (see sections.ts); search indexes it. */
  sections: LessonSection[];
  wordCount: number;
}

export function emptyFacts(): MdxFacts {
  return { components: [], links: [], headings: [], sections: [], wordCount: 0 };
}

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  url?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: Node[];
}

const NOT_PROSE = new Set(["code", "yaml", "mdxjsEsm", "mdxFlowExpression", "mdxTextExpression"]);

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function walkMdast(node: Node, facts: MdxFacts): void {
  if (NOT_PROSE.has(node.type)) return;
  if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
    if (node.name) facts.components.push(node.name);
    if (node.name === "svg") return; // labels inside diagrams are not prose
  }
  if (node.type === "link" && node.url) facts.links.push(node.url);
  if ((node.type === "text" || node.type === "inlineCode") && node.value) {
    facts.wordCount += countWords(node.value);
  }
  node.children?.forEach((child) => walkMdast(child, facts));
}

function textOf(node: Node): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

function walkHast(node: Node, facts: MdxFacts): void {
  if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3")) {
    const id = node.properties?.id;
    if (typeof id === "string") {
      facts.headings.push({ depth: node.tagName === "h2" ? 2 : 3, id, text: textOf(node).trim() });
    }
    return;
  }
  node.children?.forEach((child) => walkHast(child, facts));
}

export function remarkCollectFacts(facts: MdxFacts) {
  return () => (tree: Node) => walkMdast(tree, facts);
}

export function rehypeCollectHeadings(facts: MdxFacts) {
  return () => (tree: Node) => walkHast(tree, facts);
}
