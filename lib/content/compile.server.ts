/** Compiles a lesson's MDX with mdx-bundler. Server only: runs at build time, never in the browser. */
import rehypeShiki from "@shikijs/rehype";
import { bundleMDX } from "mdx-bundler";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { emptyFacts, type MdxFacts, rehypeCollectHeadings, remarkCollectFacts } from "./mdx-facts";

export interface CompiledMdx {
  /** The bundled module's code, evaluated on the server by getMDXComponent. */
  code: string;
  facts: MdxFacts;
}

export async function compileLessonMdx(source: string, cwd: string): Promise<CompiledMdx> {
  const facts = emptyFacts();
  const { code } = await bundleMDX({
    source,
    cwd,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkCollectFacts(facts)];
      options.rehypePlugins = [
        ...(options.rehypePlugins ?? []),
        rehypeSlug,
        rehypeCollectHeadings(facts),
        [
          rehypeShiki,
          {
            themes: { light: "github-light", dark: "github-dark" },
            defaultColor: false,
          },
        ],
      ];
      return options;
    },
  });
  return { code, facts };
}
