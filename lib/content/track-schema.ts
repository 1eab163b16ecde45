/**
 * The file format of a built-in track, content/tracks/<id>.yaml: written by people, so its
 * field names read well in YAML (`lesson`, `dueAfterDays`); the loader turns it into the
 * track model that lib/tracks derives progress from.
 */
import { z } from "zod";
import { idSchema } from "./schema";

const nonEmpty = z.string().trim().min(1, "must not be empty");

/** Built-in tracks have no fixed dates: everyone starts on a different day. */
const dueAfterDays = z
  .number({ error: "must be a whole number of days after starting (0 is the day the learner starts)" })
  .int("must be a whole number of days after starting (0 is the day the learner starts)")
  .min(0, "must be 0 or more days after starting")
  .max(365, "must be at most 365 days after starting");

export const PASS_MARK_RANGE = { min: 50, max: 100 } as const;

export const trackStepFileSchema = z.strictObject({
  lesson: idSchema,
  dueAfterDays: dueAfterDays.optional(),
  note: nonEmpty.max(400, "must be at most 400 characters: one or two sentences on why this step is here"),
});

export const trackFileSchema = z.strictObject({
  id: idSchema,
  title: nonEmpty.max(80, "must be at most 80 characters"),
  summary: nonEmpty.max(300, "must be at most 300 characters"),
  passMark: z
    .number({ error: `must be a whole percentage from ${PASS_MARK_RANGE.min} to ${PASS_MARK_RANGE.max}` })
    .int(`must be a whole percentage from ${PASS_MARK_RANGE.min} to ${PASS_MARK_RANGE.max}`)
    .min(PASS_MARK_RANGE.min, `must be a whole percentage from ${PASS_MARK_RANGE.min} to ${PASS_MARK_RANGE.max}`)
    .max(PASS_MARK_RANGE.max, `must be a whole percentage from ${PASS_MARK_RANGE.min} to ${PASS_MARK_RANGE.max}`),
  assessment: z
    .strictObject({
      dueAfterDays: dueAfterDays.optional(),
      note: nonEmpty.max(400, "must be at most 400 characters"),
    })
    .optional(),
  steps: z.array(trackStepFileSchema).min(3, "needs at least 3 steps").max(20, "allows at most 20 steps"),
});

export type TrackFile = z.infer<typeof trackFileSchema>;

type FileDue = { kind: "none" } | { kind: "days"; days: number };

/**
 * A built-in track in the model's shape (lib/tracks/types.ts `Track`; lib/tracks/built-in.ts
 * checks at compile time that the two agree). lib/content may not import lib/tracks, which
 * sits below it, so the shape is spelled out here.
 */
export interface BuiltInTrack {
  id: string;
  title: string;
  summary: string;
  passMark: number;
  assessment: { due: FileDue; note: string } | null;
  steps: { lessonId: string; due: FileDue; note: string }[];
}

function dueOf(days: number | undefined): FileDue {
  return days === undefined ? { kind: "none" } : { kind: "days", days };
}

export function builtInTrackFromFile(file: TrackFile): BuiltInTrack {
  return {
    id: file.id,
    title: file.title,
    summary: file.summary,
    passMark: file.passMark,
    assessment: file.assessment ? { due: dueOf(file.assessment.dueAfterDays), note: file.assessment.note } : null,
    steps: file.steps.map((step) => ({ lessonId: step.lesson, due: dueOf(step.dueAfterDays), note: step.note })),
  };
}
