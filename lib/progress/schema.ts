/** What stored or imported progress must look like before the app trusts it. */
import { z } from "zod";

/** Ids as the content uses them; this also rules out keys like __proto__. */
const contentId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const attemptId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
const deviceId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export const timestampSchema = z.strictObject({
  wall: z.number().int().nonnegative(),
  counter: z.number().int().nonnegative(),
  device: deviceId,
});

const booleanRegister = z.strictObject({ value: z.boolean(), at: timestampSchema });

const responseSchema = z.union([z.string().max(200), z.array(z.string().max(200)).max(20), z.boolean()]);

export const attemptSchema = z
  .strictObject({
    id: attemptId,
    lessonId: contentId,
    at: timestampSchema,
    responses: z.record(contentId, responseSchema),
    correct: z.number().int().nonnegative(),
    total: z.number().int().positive(),
  })
  .refine((a) => a.correct <= a.total, { message: "correct cannot exceed total", path: ["correct"] });

export const factsSchema = z.strictObject({
  checklist: z.record(contentId, z.record(contentId, booleanRegister)),
  skipped: z.record(contentId, booleanRegister),
  attempts: z.record(attemptId, attemptSchema),
  resetAt: timestampSchema.nullable(),
});

/** Version 1 of what the store persists: the device's own state plus its facts. */
export const storedStateV1 = z.strictObject({
  deviceId,
  clock: timestampSchema,
  facts: factsSchema,
});

export type StoredState = z.infer<typeof storedStateV1>;

/** The envelope zustand's persist middleware writes. */
export const envelopeSchema = z.object({
  state: z.unknown(),
  version: z.number().int().nonnegative(),
});

/** The file "Export progress" writes and "Import" reads. */
export const exportFileSchema = z.strictObject({
  format: z.literal("quorum-progress"),
  version: z.literal(1),
  exportedAt: z.string(),
  facts: factsSchema,
});

export type ExportFile = z.infer<typeof exportFileSchema>;
