/**
 * A rehype plugin that cuts a compiled lesson into its sections, as search needs them: each
 * h2 or h3 (with the anchor rehype-slug gave it) and the plain text that follows it up to the
 * next one, callouts (and their titles) and figure captions included, code blocks and
 * diagrams left out. It also notes which lesson
 * components (Checklist, Quiz...) sit in each section, so search can send a match in a
 * checklist item or a quiz prompt to the section that shows it.
 */

export interface LessonSection {
  /** The heading's anchor; null for any text before the first heading. */
  id: string | null;
  /** The heading's text; null for any text before the first heading. */
  heading: string | null;
  depth: 2 | 3 | null;
  /** The section's prose as plain text, whitespace collapsed. */
  text: string;
  /** Lesson components used in the section, such as "Checklist" or "Quiz". */
  components: string[];
}

interface Node {
  type: string;
  name?: string | null;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  /** An MDX component's attributes, such as a callout's title or a figure's caption. */
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Node[];
}

/** Attributes whose text the reader sees, so search should find it. */
const VISIBLE_ATTRIBUTES = new Set(["title", "caption"]);

/** Neither prose nor searchable: code, diagrams, and MDX's own expressions and imports. */
const SKIPPED_TAGS = new Set(["pre", "svg", "script", "style"]);
const SKIPPED_TYPES = new Set(["mdxjsEsm", "mdxFlowExpression", "mdxTextExpression", "comment"]);
/** Elements whose text must not run into the next element's. */
const BLOCK_TAGS = new Set([
  "p", "li", "ul", "ol", "table", "thead", "tbody", "tr", "td", "th", "blockquote", "figure",
  "figcaption", "div", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "details", "summary", "aside", "hr", "br",
]);

function isJsx(node: Node): boolean {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function plainText(node: Node, components: string[]): string {
  if (SKIPPED_TYPES.has(node.type)) return "";
  if (node.type === "text") return node.value ?? "";
  if (node.type === "element" && node.tagName && SKIPPED_TAGS.has(node.tagName)) return "";
  let label = "";
  if (isJsx(node)) {
    if (node.name === "svg") return "";
    if (node.name) components.push(node.name);
    for (const a of node.attributes ?? []) {
      if (a.type === "mdxJsxAttribute" && a.name && VISIBLE_ATTRIBUTES.has(a.name) && typeof a.value === "string") label += ` ${a.value} `;
    }
  }
  const inner = label + (node.children ?? []).map((child) => plainText(child, components)).join("");
  const block = isJsx(node) || (node.type === "element" && node.tagName !== undefined && BLOCK_TAGS.has(node.tagName));
  return block ? ` ${inner} ` : inner;
}

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

export function rehypeCollectSections(sink: LessonSection[]) {
  return () => (tree: Node) => {
    let current: LessonSection = { id: null, heading: null, depth: null, text: "", components: [] };
    const sections = [current];
    for (const node of tree.children ?? []) {
      const id = node.properties?.id;
      if (node.type === "element" && (node.tagName === "h2" || node.tagName === "h3") && typeof id === "string") {
        current = { id, heading: collapse(plainText(node, [])), depth: node.tagName === "h2" ? 2 : 3, text: "", components: [] };
        sections.push(current);
        continue;
      }
      current.text += plainText(node, current.components);
    }
    for (const section of sections) {
      section.text = collapse(section.text);
      if (section.id !== null || section.text !== "" || section.components.length > 0) sink.push(section);
    }
  };
}
