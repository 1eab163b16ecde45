/**
 * Request bodies of the team-track endpoints: the lib/tracks draft model, plus what only the
 * server can check (lessons that exist, the pass-mark range built-in tracks use too).
 */
import * as z from "zod";
import { CURRICULUM } from "@/lib/content/curriculum";
import { PASS_MARK_RANGE } from "@/lib/content/track-schema";
import { draftContentSchema } from "@/lib/tracks/schema";
import { idSchema } from "../http/schemas";

/** 20 steps with 400-character notes, in any script, fit with room to spare. */
export const TRACK_BODY_LIMIT = 64 * 1024;

const lessonIds: ReadonlySet<string> = new Set(CURRICULUM.map((lesson) => lesson.id));
const passMarkMessage = `must be a whole percentage from ${PASS_MARK_RANGE.min} to ${PASS_MARK_RANGE.max}`;

export const trackContentBody = draftContentSchema.superRefine((content, ctx) => {
  if (content.passMark < PASS_MARK_RANGE.min) ctx.addIssue({ code: "custom", path: ["passMark"], message: passMarkMessage });
  content.steps.forEach((step, i) => {
    if (!lessonIds.has(step.lessonId)) ctx.addIssue({ code: "custom", path: ["steps", i, "lessonId"], message: `"${step.lessonId}" is not an existing lesson` });
  });
});

export const EMPTY_DRAFT = { title: "Untitled track", summary: "", passMark: 80, assessment: null, steps: [] } as const;

/** POST /teams/:id/tracks: an empty draft, or one started from given content (a built-in track's, say). */
export const createTrackBody = z.strictObject({
  content: trackContentBody.optional(),
  /** The built-in track the content came from, for the lead's information. */
  copiedFrom: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(80).optional(),
});

/** PUT /teams/:id/tracks/:trackId/assignments: who has the track, as a whole. */
export const assignmentsBody = z.strictObject({
  wholeTeam: z.boolean(),
  memberIds: z.array(idSchema).max(1000, "allows at most 1000 members"),
});

/** POST /me/tracks/:trackId/seen. */
export const seenBody = z.strictObject({ revision: z.number().int().min(1) });

/** Track ids are UUIDs (kebab-case, so they are valid lib/tracks ids too). */
export const trackIdSchema = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
