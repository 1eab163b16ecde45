import { getLessons } from "@/lib/content/lessons.server";
import { buildSearchIndex } from "@/lib/search/build";

/** The search index, written once at build time from the typed lessons; the search dialog fetches it when it opens. */
export const dynamic = "force-static";

export async function GET() {
  return Response.json(buildSearchIndex(await getLessons()));
}
