/**
 * The track model as data from outside (a lead's edits, a request body): validated before
 * anything derives from it. Built-in tracks are validated from their YAML by lib/content.
 */
import { z } from "zod";
import { dayFromIsoDate } from "./calendar";
import type { Track } from "./types";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and single hyphens)");
const note = z.string().trim().max(400, "must be at most 400 characters");

export const dueSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({
    kind: z.literal("date"),
    date: z.string().refine((text) => dayFromIsoDate(text) !== null, "must be a calendar date written YYYY-MM-DD"),
  }),
  z.strictObject({ kind: z.literal("days"), days: z.number().int().min(0).max(365) }),
]);

const stepSchema = z.strictObject({ lessonId: id, due: dueSchema, note });

function noLessonTwice(track: { steps: { lessonId: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  track.steps.forEach((step, i) => {
    if (seen.has(step.lessonId)) {
      ctx.addIssue({ code: "custom", path: ["steps", i, "lessonId"], message: `"${step.lessonId}" appears more than once` });
    }
    seen.add(step.lessonId);
  });
}

const contentFields = {
  title: z.string().trim().min(1, "must not be empty").max(80, "must be at most 80 characters"),
  summary: z.string().trim().max(300, "must be at most 300 characters"),
  passMark: z.number().int("must be a whole percentage").min(0).max(100),
  assessment: z.strictObject({ due: dueSchema, note }).nullable(),
};

/** A track's content while a lead is still writing it (a draft): no id, and it may have no steps yet. */
export const draftContentSchema = z
  .strictObject({ ...contentFields, steps: z.array(stepSchema).max(20, "allows at most 20 steps") })
  .superRefine(noLessonTwice);

export type DraftContent = z.output<typeof draftContentSchema>;

export const trackSchema = z
  .strictObject({
    id,
    ...contentFields,
    steps: z.array(stepSchema).min(1, "needs at least one step").max(20, "allows at most 20 steps"),
  })
  .superRefine(noLessonTwice);

export type ParsedTrack = { ok: true; track: Track } | { ok: false; issues: { field: string; message: string }[] };

/** Validates a track from outside; never throws. */
export function parseTrack(data: unknown): ParsedTrack {
  const parsed = trackSchema.safeParse(data);
  if (parsed.success) return { ok: true, track: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message })) };
}
