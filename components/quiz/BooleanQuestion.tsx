"use client";

import type { Question } from "@/lib/content/schema";
import { ChoiceQuestion } from "./ChoiceQuestion";

type TrueFalse = Extract<Question, { type: "boolean" }>;

/** True or false, shown as a two-option single choice so it looks and behaves like the others. */
export function BooleanQuestion({
  question,
  response,
  onChange,
  graded,
}: {
  question: TrueFalse;
  response: boolean | undefined;
  onChange: (response: boolean) => void;
  graded: boolean;
}) {
  return (
    <ChoiceQuestion
      question={{
        id: question.id,
        type: "single",
        prompt: question.prompt,
        answer: String(question.answer),
        options: [
          { id: "true", text: "True", explanation: question.explanations.true },
          { id: "false", text: "False", explanation: question.explanations.false },
        ],
      }}
      response={response === undefined ? undefined : String(response)}
      onChange={(value) => onChange(value === "true")}
      graded={graded}
    />
  );
}
