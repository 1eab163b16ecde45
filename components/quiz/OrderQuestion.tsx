"use client";

import { useState } from "react";
import type { Question } from "@/lib/content/schema";
import { moveItem } from "@/lib/quiz/grade";
import { InlineCode } from "@/components/ui/InlineCode";

type Ordering = Extract<Question, { type: "order" }>;

/** Put items in order with Move up / Move down buttons: operable by keyboard and screen reader alike. */
export function OrderQuestion({
  question,
  order,
  onChange,
  graded,
}: {
  question: Ordering;
  order: string[];
  onChange: (order: string[]) => void;
  graded: boolean;
}) {
  const [announcement, setAnnouncement] = useState("");
  const byId = new Map(question.items.map((item) => [item.id, item]));

  const move = (from: number, to: number) => {
    const next = moveItem(order, from, to);
    onChange(next);
    const item = byId.get(order[from] ?? "");
    setAnnouncement(`${item?.text ?? "Item"} moved to position ${to + 1} of ${order.length}.`);
    // Keep focus on the same control of the moved item so repeated presses keep moving it.
    requestAnimationFrame(() => {
      const selector = `[data-order-item="${question.id}:${order[from]}"] [data-dir="${to < from ? "up" : "down"}"]`;
      const button = document.querySelector<HTMLButtonElement>(selector);
      (button && !button.disabled ? button : document.querySelector<HTMLElement>(`[data-order-item="${question.id}:${order[from]}"] button:not([disabled])`))?.focus();
    });
  };

  return (
    <>
      <ol className="m-0 list-none space-y-2 p-0">
        {order.map((id, index) => {
          const item = byId.get(id);
          if (!item) return null;
          const rightPlace = question.answer[index] === id;
          return (
            <li
              key={id}
              data-order-item={`${question.id}:${id}`}
              className={`m-0 flex items-start gap-3 rounded-lg border px-3 py-2.5 ${
                graded ? (rightPlace ? "border-good/60 bg-good-soft" : "border-bad/60 bg-bad-soft") : "border-line bg-surface"
              }`}
            >
              <span className="mt-0.5 w-5 shrink-0 text-right font-mono text-sm text-muted" aria-hidden="true">
                {index + 1}.
              </span>
              <span className="min-w-0 flex-1">
                <InlineCode text={item.text} />
                {graded ? (
                  <span className="mt-1.5 block text-sm">
                    <strong className={rightPlace ? "text-good" : "text-bad"}>
                      {rightPlace ? "In the right place." : `Belongs at position ${question.answer.indexOf(id) + 1}.`}
                    </strong>{" "}
                    <InlineCode text={item.explanation} />
                  </span>
                ) : null}
              </span>
              {graded ? null : (
                <span className="flex shrink-0 gap-1">
                  <button
                    type="button"
                    data-dir="up"
                    onClick={() => move(index, index - 1)}
                    disabled={index === 0}
                    aria-label={`Move “${item.text}” up`}
                    className="rounded-md border border-line px-2 py-1 text-sm hover:bg-sunken disabled:opacity-40"
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    data-dir="down"
                    onClick={() => move(index, index + 1)}
                    disabled={index === order.length - 1}
                    aria-label={`Move “${item.text}” down`}
                    className="rounded-md border border-line px-2 py-1 text-sm hover:bg-sunken disabled:opacity-40"
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
