/** Compiles a lesson's MDX with mdx-bundler. Server only: runs at build time, never in the browser. */
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import { bundleMDX } from "mdx-bundler";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { CODE_THEMES, getHighlighter } from "./highlight.server";
import { emptyFacts, type MdxFacts, rehypeCollectHeadings, remarkCollectFacts } from "./mdx-facts";
import { rehypeCollectSections } from "./sections";

export interface CompiledMdx {
  /** The bundled module's code, evaluated on the server by getMDXComponent. */
  code: string;
  facts: MdxFacts;
}

export async function compileLessonMdx(source: string, cwd: string): Promise<CompiledMdx> {
  const facts = emptyFacts();
  const highlighter = await getHighlighter();
  const { code } = await bundleMDX({
    source,
    cwd,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkCollectFacts(facts)];
      options.rehypePlugins = [
        ...(options.rehypePlugins ?? []),
        rehypeSlug,
        rehypeCollectHeadings(facts),
        rehypeCollectSections(facts.sections),
        // No time limit per line: shiki's default (500 ms) stops tokenizing a line that takes
        // longer, and on a loaded build machine the rest of the line then keeps the colour of
        // its last token. A build must give the same page however busy the machine is.
        [
          rehypeShikiFromHighlighter,
          highlighter,
          { themes: CODE_THEMES, defaultColor: false, fallbackLanguage: "text", tokenizeTimeLimit: 0 },
        ],
      ];
      return options;
    },
  });
  return { code, facts };
}
