"use client";

import { useEffect, useRef } from "react";
import type { Question } from "@/lib/content/schema";
import type { Confidence, Response } from "@/lib/progress/types";
import { CONFIDENCE_CHOICES } from "./ConfidencePicker";

/**
 * The response after pressing number key `n` (1-based): picks the nth option of a single
 * choice or true/false question, toggles it in a select-all question. Ordering questions have
 * no number keys (their Move buttons are reached with Tab). undefined: the key means nothing here.
 */
export function responseForKey(question: Question, response: Response | undefined, n: number): Response | undefined {
  if (question.type === "boolean") return n === 1 ? true : n === 2 ? false : undefined;
  if (question.type === "order") return undefined;
  const option = question.options[n - 1];
  if (!option) return undefined;
  if (question.type === "single") return option.id;
  const chosen = new Set(Array.isArray(response) ? response : []);
  if (chosen.has(option.id)) chosen.delete(option.id);
  else chosen.add(option.id);
  return question.options.map((o) => o.id).filter((id) => chosen.has(id));
}

/** Where typing must win over the shortcuts: text fields and the like. */
function takesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return target.type !== "radio" && target.type !== "checkbox";
  return target.tagName === "TEXTAREA" || target.tagName === "SELECT";
}

/** Where Enter already means something: a button, a link, a summary. */
function hasOwnEnter(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ["BUTTON", "A", "SUMMARY"].includes(target.tagName);
}

export interface Shortcuts {
  question: Question | undefined;
  response: Response | undefined;
  onResponse?: (response: Response) => void;
  onConfidence?: (confidence: Confidence) => void;
  onEnter: () => void;
}

/**
 * Number keys pick an option, S / T / G say how sure, Enter submits (or goes on). Listens on
 * the window so the keys work wherever focus is on the page, except in a text field, and
 * except Enter on a button or link, which keeps its own meaning.
 */
export function useAnswerShortcuts(shortcuts: Shortcuts): void {
  // The latest handlers, read by one listener for the life of the component.
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || takesText(event.target)) return;
      const { question, response, onResponse, onConfidence, onEnter } = latest.current;
      if (event.key === "Enter") {
        if (hasOwnEnter(event.target)) return;
        event.preventDefault();
        onEnter();
        return;
      }
      if (/^[1-9]$/.test(event.key) && question && onResponse) {
        const next = responseForKey(question, response, Number(event.key));
        if (next !== undefined) {
          event.preventDefault();
          onResponse(next);
        }
        return;
      }
      const confidence = CONFIDENCE_CHOICES.find((c) => c.key === event.key.toUpperCase());
      if (confidence && onConfidence) {
        event.preventDefault();
        onConfidence(confidence.value);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
