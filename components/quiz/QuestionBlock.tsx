"use client";

import type { Question } from "@/lib/content/schema";
import type { Response } from "@/lib/progress/types";
import { initialOrder } from "@/lib/quiz/grade";
import { InlineCode } from "@/components/ui/InlineCode";
import { BooleanQuestion } from "./BooleanQuestion";
import { ChoiceQuestion } from "./ChoiceQuestion";
import { OrderQuestion } from "./OrderQuestion";

/**
 * One question of any type: its prompt (a legend that can take focus), what kind of answer it
 * wants, the input, and once graded, whether it was right and why each option is right or
 * wrong. The lesson quiz, the self-assessment and spaced review all show questions with it.
 */
export function QuestionBlock({
  question,
  number,
  domId,
  response,
  onChange,
  result,
}: {
  question: Question;
  /** Shown before the prompt; none when undefined. */
  number?: number;
  domId: string;
  response: Response | undefined;
  onChange: (r: Response) => void;
  /** Graded: right or wrong; undefined while answering. */
  result: boolean | undefined;
}) {
  const graded = result !== undefined;
  const hint = { single: "Choose one.", multiple: "Select all that apply.", boolean: "True or false?", order: "Put these in order." }[
    question.type
  ];
  return (
    <fieldset className="m-0 min-w-0 border-0 p-0" data-testid={`question-${question.id}`}>
      <legend id={domId} tabIndex={-1} className="mb-3 text-[1.02rem] font-medium outline-none">
        {number === undefined ? null : <span className="mr-1.5 text-muted">{number}.</span>}
        <InlineCode text={question.prompt} />
        <span className="mt-0.5 block text-sm font-normal text-muted">{hint}</span>
        {graded ? (
          <span className={`mt-1 block text-sm font-semibold ${result ? "text-good" : "text-bad"}`}>
            {result ? "✓ Correct" : "✗ Incorrect"}
          </span>
        ) : null}
      </legend>
      {question.type === "order" ? (
        <OrderQuestion question={question} order={Array.isArray(response) ? response : initialOrder(question)} onChange={onChange} graded={graded} />
      ) : question.type === "boolean" ? (
        <BooleanQuestion question={question} response={typeof response === "boolean" ? response : undefined} onChange={onChange} graded={graded} />
      ) : (
        <ChoiceQuestion
          question={question}
          response={typeof response === "boolean" ? undefined : response}
          onChange={onChange}
          graded={graded}
        />
      )}
    </fieldset>
  );
}
