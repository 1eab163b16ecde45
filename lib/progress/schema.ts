/**
 * What stored or imported progress must look like before the app trusts it. These schemas
 * run in the browser, so they use zod/mini: the same validation at a fraction of the bundle.
 */
import * as z from "zod/mini";

/** Ids as the content uses them; this also rules out keys like __proto__. */
const contentId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/));
const attemptId = z.string().check(z.regex(/^[A-Za-z0-9-]{8,64}$/));
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
    id: attemptId,
    lessonId: contentId,
    at: timestampSchema,
    responses: z.record(contentId, responseSchema),
    correct: count,
    total: z.int().check(z.positive()),
  })
  .check(z.refine((a) => a.correct <= a.total, { message: "correct cannot exceed total", path: ["correct"] }));

export const factsSchema = z.strictObject({
  checklist: z.record(contentId, z.record(contentId, booleanRegister)),
  skipped: z.record(contentId, booleanRegister),
  attempts: z.record(attemptId, attemptSchema),
  resetAt: z.nullable(timestampSchema),
});

/** Version 1 of what the store persists: the device's own state plus its facts. */
export const storedStateV1 = z.strictObject({ deviceId, clock: timestampSchema, facts: factsSchema });

export type StoredState = z.infer<typeof storedStateV1>;

/** The envelope zustand's persist middleware writes. */
export const envelopeSchema = z.object({ state: z.unknown(), version: count });

/** The file "Export progress" writes and "Import" reads. */
export const exportFileSchema = z.strictObject({
  format: z.literal("quorum-progress"),
  version: z.literal(1),
  exportedAt: z.string(),
  facts: factsSchema,
});

export type ExportFile = z.infer<typeof exportFileSchema>;
