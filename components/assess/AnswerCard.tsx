"use client";

import { useState } from "react";
import type { Question } from "@/lib/content/schema";
import type { Confidence, Response } from "@/lib/progress/types";
import { initialOrder, isAnswered } from "@/lib/quiz/grade";
import { QuestionBlock } from "@/components/quiz/QuestionBlock";
import { ConfidencePicker } from "./ConfidencePicker";
import { useAnswerShortcuts } from "./useAnswerShortcuts";

/** What the number keys do for a question, in words for the shortcut line. */
function numberKeysHint(question: Question): string {
  if (question.type === "order") return "Tab to the ↑ ↓ buttons to reorder";
  const count = question.type === "boolean" ? 2 : question.options.length;
  return `1–${count} ${question.type === "multiple" ? "select" : "choose"}`;
}

/**
 * A question to answer with how sure the learner is, and a submit button; the keyboard
 * shortcuts (shown under it) work anywhere on the page. The self-assessment and spaced review
 * both ask questions with it; the question itself is the lesson quiz's own QuestionBlock.
 * Give it a key per question, so each question starts blank.
 */
export function AnswerCard({
  question,
  domId,
  onSubmit,
  submitLabel,
}: {
  question: Question;
  domId: string;
  onSubmit: (response: Response, confidence: Confidence) => void;
  submitLabel: string;
}) {
  const [response, setResponse] = useState<Response | undefined>(() => (question.type === "order" ? initialOrder(question) : undefined));
  const [confidence, setConfidence] = useState<Confidence | undefined>();
  const [tried, setTried] = useState(false);
  const missing = !isAnswered(question, response) ? "Choose an answer first." : confidence === undefined ? "Say how sure you are first." : null;

  const submit = () => {
    setTried(true);
    if (response !== undefined && confidence !== undefined && missing === null) {
      setTried(false);
      onSubmit(response, confidence);
    }
  };
  useAnswerShortcuts({ question, response, onResponse: setResponse, onConfidence: setConfidence, onEnter: submit });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="space-y-6"
    >
      <QuestionBlock question={question} domId={domId} response={response} onChange={setResponse} result={undefined} />
      <ConfidencePicker name={`${question.id}-confidence`} value={confidence} onChange={setConfidence} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-line pt-5">
        <button
          type="submit"
          aria-disabled={missing !== null}
          className="rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90 aria-disabled:opacity-60"
        >
          {submitLabel}
        </button>
        <p className={`text-sm ${tried && missing ? "font-medium text-bad" : "text-muted"}`} aria-live="polite" data-testid="answer-hint">
          {tried && missing ? missing : null}
        </p>
      </div>
      <p className="hidden text-xs text-muted sm:block" data-testid="shortcuts">
        Keys: {numberKeysHint(question)} · <kbd className="font-mono">S</kbd> sure, <kbd className="font-mono">T</kbd> think so,{" "}
        <kbd className="font-mono">G</kbd> guessing · <kbd className="font-mono">Enter</kbd> submit
      </p>
    </form>
  );
}
