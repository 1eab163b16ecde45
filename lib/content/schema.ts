import { z } from "zod";

/** Permanent ids: lessons, checklist items, questions and options. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and single hyphens)");

const nonEmpty = z.string().trim().min(1, "must not be empty");

export const checklistItemSchema = z.strictObject({
  id: idSchema,
  text: nonEmpty,
});

export const sourceSchema = z.strictObject({
  title: nonEmpty,
  url: z.url({ protocol: /^https$/, error: "must be an https URL" }),
  author: nonEmpty,
  year: z.number().int().min(1950).max(2100),
  note: nonEmpty,
});

export const frontmatterSchema = z.strictObject({
  id: idSchema,
  number: z.number().int().min(1).max(20),
  title: nonEmpty,
  summary: nonEmpty.max(240, "must be one sentence of at most 240 characters"),
  minutes: z.number().int().min(1).max(90),
  checklist: z
    .array(checklistItemSchema)
    .min(5, "needs at least 5 items")
    .max(8, "allows at most 8 items"),
  sources: z.array(sourceSchema).min(3, "needs at least 3 sources").max(8, "allows at most 8 sources"),
  related: z.array(idSchema).default([]),
  demo: idSchema.optional(),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
export type Source = z.infer<typeof sourceSchema>;

const optionSchema = z.strictObject({
  id: idSchema,
  text: nonEmpty,
  explanation: nonEmpty,
});

const singleSchema = z.strictObject({
  id: idSchema,
  type: z.literal("single"),
  prompt: nonEmpty,
  options: z.array(optionSchema).min(3, "needs 3 to 5 options").max(5, "needs 3 to 5 options"),
  answer: idSchema,
});

const multipleSchema = z.strictObject({
  id: idSchema,
  type: z.literal("multiple"),
  prompt: nonEmpty,
  options: z.array(optionSchema).min(3, "needs 3 to 6 options").max(6, "needs 3 to 6 options"),
  answer: z.array(idSchema).min(1, "needs at least one correct option"),
});

const booleanSchema = z.strictObject({
  id: idSchema,
  type: z.literal("boolean"),
  prompt: nonEmpty,
  answer: z.boolean(),
  explanations: z.strictObject({ true: nonEmpty, false: nonEmpty }),
});

const orderSchema = z.strictObject({
  id: idSchema,
  type: z.literal("order"),
  prompt: nonEmpty,
  items: z.array(optionSchema).min(3, "needs 3 to 6 items").max(6, "needs 3 to 6 items"),
  answer: z.array(idSchema),
});

export const questionSchema = z.discriminatedUnion("type", [
  singleSchema,
  multipleSchema,
  booleanSchema,
  orderSchema,
]);

export const quizSchema = z.strictObject({
  questions: z.array(questionSchema).min(8, "needs at least 8 questions"),
});

/**
 * diagnostic.yaml: questions written for the self-assessment, in exactly the quiz's question
 * schema. Few per lesson (the diagnostic asks at most three per practice), and no rule on
 * types: a diagnostic question is chosen for what it reveals, mostly as a scenario.
 */
export const diagnosticSchema = z.strictObject({
  questions: z.array(questionSchema).min(3, "needs at least 3 questions"),
});

export type Question = z.infer<typeof questionSchema>;
export type Diagnostic = z.infer<typeof diagnosticSchema>;
export type QuestionType = Question["type"];
export type Quiz = z.infer<typeof quizSchema>;
export type QuizOption = z.infer<typeof optionSchema>;
