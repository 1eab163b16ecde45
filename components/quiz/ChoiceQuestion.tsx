"use client";

import type { Question } from "@/lib/content/schema";
import { InlineCode } from "@/components/ui/InlineCode";
import { Verdict } from "./Verdict";

type Choice = Extract<Question, { type: "single" | "multiple" }>;

/** Single choice (radios) or select-all-that-apply (checkboxes). */
export function ChoiceQuestion({
  question,
  response,
  onChange,
  graded,
}: {
  question: Choice;
  response: string | string[] | undefined;
  onChange: (response: string | string[]) => void;
  graded: boolean;
}) {
  const multiple = question.type === "multiple";
  const selected = new Set(Array.isArray(response) ? response : response ? [response] : []);
  const correct = new Set(multiple ? question.answer : [question.answer]);

  const toggle = (id: string, checked: boolean) => {
    if (!multiple) return onChange(id);
    const next = new Set(selected);
    if (checked) next.add(id);
    else next.delete(id);
    onChange(question.options.map((o) => o.id).filter((o) => next.has(o)));
  };

  return (
    <ul className="m-0 list-none space-y-2 p-0">
      {question.options.map((option) => {
        const isSelected = selected.has(option.id);
        const isRight = correct.has(option.id);
        return (
          <li key={option.id} className="m-0">
            <label
              className={`flex items-start gap-3 rounded-lg border px-3 py-2.5 ${
                graded
                  ? isRight
                    ? "border-good/60 bg-good-soft"
                    : isSelected
                      ? "border-bad/60 bg-bad-soft"
                      : "border-line"
                  : "cursor-pointer border-line hover:border-accent/60 has-checked:border-accent has-checked:bg-accent-soft"
              }`}
            >
              <input
                type={multiple ? "checkbox" : "radio"}
                name={question.id}
                value={option.id}
                checked={isSelected}
                disabled={graded}
                onChange={(e) => toggle(option.id, e.target.checked)}
                className="mt-1 size-4 shrink-0 accent-[var(--accent)]"
              />
              <span className="min-w-0">
                <InlineCode text={option.text} />
                {graded ? <Verdict right={isRight} selected={isSelected} multiple={multiple} explanation={option.explanation} /> : null}
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
