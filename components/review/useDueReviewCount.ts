"use client";

import { useEffect, useState } from "react";
import { useProgress } from "@/lib/progress/store";
import type { ProgressFacts } from "@/lib/progress/types";

type Counter = (now: number) => number;

let counter: Promise<Counter | undefined> | undefined;

/**
 * Loads, once per page, what counting due cards needs: the counting code with ts-fsrs (a
 * chunk of its own) and the answer keys (a static file). Neither is part of any page's first
 * load. Resolves to undefined if either cannot be had (offline, say): the count is then not shown.
 */
function loadCounter(): Promise<Counter | undefined> {
  counter ??= Promise.all([import("./due-count"), fetch("/review/answer-keys.json").then((r) => (r.ok ? r.json() : undefined))])
    .then(([module, json]) => module.dueCounter(json))
    .catch(() => undefined);
  return counter;
}

/** Whether anything in the facts can make a card: if not, the count is 0 without loading anything. */
function mayHaveCards(facts: Pick<ProgressFacts, "attempts" | "answers" | "reviewLessons">): boolean {
  return (
    Object.keys(facts.attempts).length > 0 ||
    Object.keys(facts.answers).length > 0 ||
    Object.values(facts.reviewLessons).some((r) => r.value)
  );
}

const RECOUNT_MS = 60_000;

/** How many review cards are due now: null until known. Recounted when progress changes, and every minute. */
export function useDueReviewCount(): number | null {
  // Only the facts that make or schedule cards: a checklist tick recounts nothing.
  const attempts = useProgress((s) => s.facts.attempts);
  const answers = useProgress((s) => s.facts.answers);
  const reviewLessons = useProgress((s) => s.facts.reviewLessons);
  const reviews = useProgress((s) => s.facts.reviews);
  const hydrated = useProgress((s) => s.hydrated);
  const [count, setCount] = useState<number | null>(null);

  useEffect(() => {
    if (!hydrated) return;
    if (!mayHaveCards({ attempts, answers, reviewLessons })) {
      setCount(0);
      return;
    }
    let live = true;
    const recount = () => void loadCounter().then((count) => live && setCount(count ? count(Date.now()) : null));
    // After hydration, when the browser is idle: the page's own work comes first.
    let cancelFirst: () => void;
    if (typeof window.requestIdleCallback === "function") {
      const id = window.requestIdleCallback(recount, { timeout: 2000 });
      cancelFirst = () => window.cancelIdleCallback(id);
    } else {
      const id = setTimeout(recount, 200);
      cancelFirst = () => clearTimeout(id);
    }
    const timer = setInterval(recount, RECOUNT_MS);
    return () => {
      live = false;
      cancelFirst();
      clearInterval(timer);
    };
  }, [attempts, answers, reviewLessons, reviews, hydrated]);

  return count;
}
