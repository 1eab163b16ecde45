/**
 * What stored or imported progress must look like before the app trusts it. These schemas
 * run in the browser, so they use zod/mini: the same validation at a fraction of the bundle.
 */
import * as z from "zod/mini";

/** Ids as the content uses them; this also rules out keys like __proto__. */
const contentId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));
/** Random ids (attempts, answers, review events, sittings): UUIDs in practice. */
const randomId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));
const deviceId = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/));
const count = z.int().check(z.nonnegative());

export const timestampSchema = z.strictObject({ wall: count, counter: count, device: deviceId });

const booleanRegister = z.strictObject({ value: z.boolean(), at: timestampSchema });

const responseSchema = z.union([
  z.string().check(z.maxLength(200)),
  z.array(z.string().check(z.maxLength(200))).check(z.maxLength(20)),
  z.boolean(),
]);

export const attemptSchema = z
  .strictObject({
    id: randomId,
    lessonId: contentId,
    at: timestampSchema,
    responses: z.record(contentId, responseSchema),
    correct: count,
    total: z.int().check(z.positive()),
  })
  .check(z.refine((a) => a.correct <= a.total, { message: "correct cannot exceed total", path: ["correct"] }));

/** Version 1 facts: checklist ticks, skips, quiz attempts and the reset watermark. */
const factsV1Shape = {
  checklist: z.record(contentId, z.record(contentId, booleanRegister)),
  skipped: z.record(contentId, booleanRegister),
  attempts: z.record(randomId, attemptSchema),
  resetAt: z.nullable(timestampSchema),
};
export const factsSchemaV1 = z.strictObject(factsV1Shape);

const confidenceSchema = z.literal(["sure", "think", "guess"]);

/** The fields a self-assessment answer and a review event share: a graded answer to one question. */
const gradedAnswer = {
  id: randomId,
  lessonId: contentId,
  questionId: contentId,
  response: responseSchema,
  confidence: confidenceSchema,
  correct: z.boolean(),
  at: timestampSchema,
};

export const assessmentAnswerSchema = z.strictObject({ ...gradedAnswer, sittingId: randomId });
export const reviewEventSchema = z.strictObject(gradedAnswer);

/** Version 2 adds the self-assessment and spaced review: two register maps and two append-only maps. */
export const factsSchema = z.strictObject({
  ...factsV1Shape,
  testedOut: z.record(contentId, booleanRegister),
  reviewLessons: z.record(contentId, booleanRegister),
  answers: z.record(randomId, assessmentAnswerSchema),
  reviews: z.record(randomId, reviewEventSchema),
});

export type FactsV1 = z.infer<typeof factsSchemaV1>;

/** Version 1 of what the store persists: the device's own state plus its facts. */
export const storedStateV1 = z.strictObject({ deviceId, clock: timestampSchema, facts: factsSchemaV1 });
/** Version 2: the same, with version 2 facts. */
export const storedStateV2 = z.strictObject({ deviceId, clock: timestampSchema, facts: factsSchema });

export type StoredStateV1 = z.infer<typeof storedStateV1>;
export type StoredState = z.infer<typeof storedStateV2>;

/** The file "Export progress" writes and "Import" reads (version 2). */
export const exportFileSchema = z.strictObject({
  format: z.literal("quorum-progress"),
  version: z.literal(2),
  exportedAt: z.string(),
  facts: factsSchema,
});

/** A file exported by a version of Quorum before the self-assessment: still imported. */
export const exportFileSchemaV1 = z.strictObject({
  format: z.literal("quorum-progress"),
  version: z.literal(1),
  exportedAt: z.string(),
  facts: factsSchemaV1,
});

export type ExportFile = z.infer<typeof exportFileSchema>;
