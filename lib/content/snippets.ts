/**
 * The TypeScript code blocks of a lesson, as the type checker sees them.
 *
 * Every ```ts block in a lesson is compiled (scripts/check-snippets.ts). Its fence meta may
 * say how:
 *   ```ts                 a module of its own; must type-check
 *   ```ts file=breaker.ts  the module breaker.ts (a path such as src/breaker.ts works too):
 *                          blocks naming the same file are joined in lesson order, and other
 *                          blocks import it as real code would (`from "./breaker.js"`)
 *   ```ts bad              a deliberately wrong example ("don't do this"): checked for
 *                          syntax only
 * Pure: parsing and line bookkeeping only; snippets.server.ts writes the files and runs tsc.
 */
import { createProcessor } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";

export const SNIPPET_LANGUAGE = "ts";

export interface SnippetMeta {
  /** Deliberately wrong: only its syntax is checked. */
  bad: boolean;
  /** The module this block belongs to, e.g. "breaker.ts"; undefined for a standalone block. */
  file?: string;
}

export interface Snippet {
  /** 1-based line of the opening fence in the MDX file. */
  fenceLine: number;
  meta: SnippetMeta;
  code: string;
}

/** A file the type checker compiles: one standalone block, or every block of one `file=`. */
export interface SnippetUnit {
  name: string;
  text: string;
  /** lineMap[i] locates the unit's line i + 1 in the MDX file; undefined for a generated line. */
  lineMap: (SourceLine | undefined)[];
}

export interface SourceLine {
  line: number;
  /** The opening fence of the block the line is in. */
  fenceLine: number;
}

export interface SnippetProblem {
  line: number;
  message: string;
}

// "breaker.ts", or a path inside the lesson's little project such as "test/payments.pact.test.ts".
const FILE_NAME = /^(?:[a-z0-9]+(?:[.-][a-z0-9]+)*\/)*[a-z0-9]+(?:[.-][a-z0-9]+)*\.ts$/;

export function parseFenceMeta(meta: string | null | undefined): { ok: true; value: SnippetMeta } | { ok: false; message: string } {
  const value: SnippetMeta = { bad: false };
  for (const word of (meta ?? "").split(/\s+/).filter(Boolean)) {
    if (word === "bad") {
      value.bad = true;
    } else if (word.startsWith("file=")) {
      const name = word.slice("file=".length);
      if (!FILE_NAME.test(name) || name.endsWith(".d.ts")) {
        return { ok: false, message: `file=${name}: name a module like "breaker.ts" or "test/breaker.test.ts" (lower case, ending in .ts)` };
      }
      value.file = name;
    } else {
      return { ok: false, message: `unknown word "${word}" in the fence meta (allowed: bad, file=<name>.ts)` };
    }
  }
  if (value.bad && value.file) {
    return { ok: false, message: "a bad block stands alone: it cannot also be part of a file=" };
  }
  return { ok: true, value };
}

interface MdastNode {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  position?: { start: { line: number } };
  children?: MdastNode[];
}

// The parser mdx-bundler compiles lessons with, so the blocks found here are the blocks rendered.
const parser = createProcessor({ format: "mdx", remarkPlugins: [remarkFrontmatter, remarkGfm] });

/** Every ```ts block of an MDX file, with its validated fence meta. */
export function extractSnippets(source: string): { snippets: Snippet[]; problems: SnippetProblem[] } {
  const snippets: Snippet[] = [];
  const problems: SnippetProblem[] = [];
  const visit = (node: MdastNode) => {
    if (node.type === "code" && node.lang === SNIPPET_LANGUAGE) {
      const fenceLine = node.position?.start.line ?? 0;
      const meta = parseFenceMeta(node.meta);
      if (meta.ok) snippets.push({ fenceLine, meta: meta.value, code: node.value ?? "" });
      else problems.push({ line: fenceLine, message: meta.message });
    }
    node.children?.forEach(visit);
  };
  visit(parser.parse(source) as MdastNode);
  return { snippets, problems };
}

/** Groups a lesson's blocks into the files the type checker compiles. */
export function snippetUnits(snippets: readonly Snippet[]): SnippetUnit[] {
  const units: SnippetUnit[] = [];
  const byFile = new Map<string, SnippetUnit>();
  for (const snippet of snippets) {
    const lines = snippet.code.split("\n");
    const mdxLines = lines.map((_, i) => ({ line: snippet.fenceLine + 1 + i, fenceLine: snippet.fenceLine }));
    const shared = snippet.meta.file ? byFile.get(snippet.meta.file) : undefined;
    if (shared) {
      shared.text += `${lines.join("\n")}\n`;
      shared.lineMap.push(...mdxLines);
      continue;
    }
    // Standalone names start with "_", which a file= name cannot, so the two never collide.
    const name = snippet.meta.file ?? `_${snippet.meta.bad ? "bad" : "block"}-L${snippet.fenceLine}.ts`;
    // @ts-nocheck keeps the parser's errors and drops the type checker's: syntax only.
    const header = snippet.meta.bad ? ["// @ts-nocheck"] : [];
    const unit: SnippetUnit = {
      name,
      text: `${[...header, ...lines].join("\n")}\n`,
      lineMap: [...header.map(() => undefined), ...mdxLines],
    };
    units.push(unit);
    if (snippet.meta.file) byFile.set(snippet.meta.file, unit);
  }
  return units;
}

export interface CompilerDiagnostic {
  /** As the compiler printed it (relative to where it ran), or "" for a global problem. */
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

const DIAGNOSTIC = /^(?:(.+)\((\d+),(\d+)\): )?error (TS\d+): (.*)$/;

/** Parses `tsc --pretty false` output: one diagnostic per "error TS" line, plus its indented elaboration. */
export function parseCompilerOutput(output: string): CompilerDiagnostic[] {
  const diagnostics: CompilerDiagnostic[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = DIAGNOSTIC.exec(line);
    if (match) {
      const [, file = "", row = "0", column = "0", code = "", message = ""] = match;
      diagnostics.push({ file, line: Number(row), column: Number(column), code, message });
    } else if (line.startsWith(" ") && diagnostics.length > 0) {
      const last = diagnostics[diagnostics.length - 1];
      if (last) last.message += `\n${line}`;
    }
  }
  return diagnostics;
}
