"use client";

import { useId } from "react";
import type { ChecklistItem } from "@/lib/content/schema";
import { useProgress } from "@/lib/progress/store";
import { InlineCode } from "@/components/ui/InlineCode";

const NO_ITEMS: Record<string, { value: boolean }> = {};

/** The lesson's skills to tick off; ticks are saved at once and reach other tabs. */
export function Checklist({ lessonId, items }: { lessonId: string; items: readonly ChecklistItem[] }) {
  const ticks = useProgress((s) => s.facts.checklist[lessonId] ?? NO_ITEMS);
  const setItem = useProgress((s) => s.setItem);
  const headingId = useId();
  const ticked = items.filter((item) => ticks[item.id]?.value === true).length;

  return (
    <section aria-labelledby={headingId} className="not-prose-block rounded-xl border border-line bg-surface p-5 font-sans shadow-sm">
      <div className="flex items-baseline justify-between gap-3">
        <h3 id={headingId} className="text-base font-semibold">
          Skills to check off
        </h3>
        <p className="text-sm text-muted" aria-live="polite" data-testid="checklist-count">
          {ticked} of {items.length} done
        </p>
      </div>
      <div className="mt-3 h-1.5 overflow-hidden rounded-full bg-sunken" aria-hidden="true">
        <div className="h-full rounded-full bg-accent transition-[width]" style={{ width: `${(ticked / items.length) * 100}%` }} />
      </div>
      <ul className="mt-4 list-none space-y-1 p-0">
        {items.map((item) => {
          const checked = ticks[item.id]?.value === true;
          return (
            <li key={item.id} className="m-0">
              <label className="flex cursor-pointer items-start gap-3 rounded-lg px-2 py-2 hover:bg-sunken">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(e) => setItem(lessonId, item.id, e.target.checked)}
                  className="mt-1 size-[1.1rem] shrink-0 accent-[var(--accent)]"
                />
                <span className={checked ? "text-muted line-through decoration-1" : ""}>
                  <InlineCode text={item.text} />
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
