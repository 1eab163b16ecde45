/**
 * The answer keys of every question a review card can come from, without any text: what the
 * header needs to count due cards on any page (components/review/due-count.ts). Built at build time
 * from the content (app/review/answer-keys.json) and validated when read back, like any input.
 */
import * as z from "zod/mini";
import type { ReviewLesson } from "@/lib/content/types";
import type { CardSource } from "./cards";

const id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));
const answerKeySchema = z.union([
  z.strictObject({ id, type: z.literal("single"), answer: id }),
  z.strictObject({ id, type: z.literal("multiple"), answer: z.array(id) }),
  z.strictObject({ id, type: z.literal("boolean"), answer: z.boolean() }),
  z.strictObject({ id, type: z.literal("order"), answer: z.array(id) }),
]);

export const answerKeysFileSchema = z.strictObject({
  lessons: z.array(z.strictObject({ id, quiz: z.array(answerKeySchema), diagnostic: z.array(z.strictObject({ id })) })),
});

export type AnswerKeysFile = z.infer<typeof answerKeysFileSchema>;

export function answerKeysFile(bank: readonly ReviewLesson[]): AnswerKeysFile {
  return {
    lessons: bank.map((lesson) => ({
      id: lesson.id,
      // Each key spelled out by type, so the file carries no prompt, option text or explanation.
      quiz: lesson.quiz.map((q) => {
        switch (q.type) {
          case "single":
            return { id: q.id, type: q.type, answer: q.answer };
          case "multiple":
            return { id: q.id, type: q.type, answer: q.answer };
          case "boolean":
            return { id: q.id, type: q.type, answer: q.answer };
          case "order":
            return { id: q.id, type: q.type, answer: q.answer };
        }
      }),
      diagnostic: lesson.diagnostic.map((q) => ({ id: q.id })),
    })),
  };
}

/** Reads the answer keys file; undefined when it is not what it should be. */
export function parseAnswerKeys(json: unknown): CardSource[] | undefined {
  const parsed = answerKeysFileSchema.safeParse(json);
  return parsed.success ? parsed.data.lessons : undefined;
}
