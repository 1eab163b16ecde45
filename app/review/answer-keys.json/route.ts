import { getLessons } from "@/lib/content/lessons.server";
import { reviewBank } from "@/lib/content/types";
import { answerKeysFile } from "@/lib/quiz/answer-keys";

/** Built once at build time: the answer keys the header's due count needs (no question text). */
export const dynamic = "force-static";

export async function GET() {
  return Response.json(answerKeysFile(reviewBank(await getLessons())));
}
