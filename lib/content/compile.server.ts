/** Compiles a lesson's MDX with mdx-bundler. Server only: runs at build time, never in the browser. */
import rehypeShikiFromHighlighter from "@shikijs/rehype/core";
import { bundleMDX } from "mdx-bundler";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { rehypeCodeAsHtml } from "./code-html";
import { codeHighlightOptions, getHighlighter } from "./highlight.server";
import { emptyFacts, type MdxFacts, rehypeCollectHeadings, remarkCollectFacts } from "./mdx-facts";
import { rehypeCollectSections } from "./sections";

export interface CompiledMdx {
  /** The bundled module's code, evaluated on the server by getMDXComponent. */
  code: string;
  facts: MdxFacts;
}

export async function compileLessonMdx(source: string, cwd: string): Promise<CompiledMdx> {
  const facts = emptyFacts();
  const [highlighter, highlightOptions] = await Promise.all([getHighlighter(), codeHighlightOptions()]);
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
        [rehypeShikiFromHighlighter, highlighter, { ...highlightOptions, fallbackLanguage: "text" }],
        rehypeCodeAsHtml,
      ];
      return options;
    },
  });
  return { code, facts };
}
