"use client";

import type { NotableEvent } from "@/lib/sim";
import { formatSeconds } from "./format";
import { EVENT_TONE } from "./palette";
import { EVENT_LINES } from "./sizes";

/**
 * What happened, in words, newest first: "order 17 charged twice". A box of fixed height
 * (so the demo's reserved space holds) that scrolls within itself, and can be focused to
 * scroll with the keyboard. Not a live region: the summary below the charts is the one
 * place that speaks, so a busy run does not chatter.
 */
export function EventList({ events, total }: { events: readonly NotableEvent[]; total: number }) {
  const newestFirst = [...events].reverse();
  return (
    <section aria-label="Notable events" data-testid="demo-events">
      <h4 className="flex items-baseline justify-between text-sm font-semibold">
        Notable events
        <span className="text-xs font-normal text-muted">
          {total > events.length ? `latest ${events.length} of ${total}, newest first` : total > 0 ? `${total}, newest first` : ""}
        </span>
      </h4>
      <div
        tabIndex={0}
        role="region"
        aria-label="Notable events, newest first"
        className="mt-1 overflow-y-auto rounded-lg border border-line bg-paper px-3 py-1.5 text-sm"
        style={{ height: `${EVENT_LINES * 1.5 + 0.75}rem` }}
      >
        {newestFirst.length === 0 ? (
          <p className="py-0.5 text-muted">Nothing notable yet.</p>
        ) : (
          <ol className="m-0 list-none p-0">
            {newestFirst.map((event, i) => {
              const tone = EVENT_TONE[event.tone];
              return (
                <li key={`${event.t}-${total - i}`} className="flex gap-2 py-0.5 leading-snug">
                  <span className="shrink-0 font-mono text-xs leading-5 text-muted tabular-nums">{formatSeconds(event.t)}</span>
                  <span aria-hidden="true" className={`shrink-0 font-bold ${tone.markColour}`}>
                    {tone.mark}
                  </span>
                  <span>
                    <span className="sr-only">{tone.word}: </span>
                    {event.text}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}
