"use client";

import { useId } from "react";
import type { SeedVerdict } from "@/lib/sim/runner";

function listInWords(seeds: readonly number[]): string {
  if (seeds.length <= 1) return seeds.join("");
  return `${seeds.slice(0, -1).join(", ")} and ${seeds.at(-1)}`;
}

/**
 * The seed sweep: runs seeds 1..count with the current parameters, shows which pass the
 * scenario's check, and loads any seed into the demo to replay it. For bugs that only some
 * interleavings reveal: most seeds pass, one fails, replay it, turn on the fix, all pass.
 */
export function SeedSweep({
  label,
  count,
  wanted,
  running,
  verdicts,
  currentSeed,
  onStart,
  onLoad,
}: {
  label: string;
  count: number;
  wanted: boolean;
  running: boolean;
  verdicts: readonly SeedVerdict[];
  currentSeed: number;
  onStart: () => void;
  onLoad: (seed: number) => void;
}) {
  const headingId = useId();
  const failing = verdicts.filter((v) => !v.passed).map((v) => v.seed);
  const status = !wanted
    ? ""
    : running
      ? `Checking seeds 1–${count}…`
      : failing.length === 0
        ? `All ${count} seeds pass.`
        : `${count - failing.length} of ${count} seeds pass; ${listInWords(failing)} ${failing.length === 1 ? "fails" : "fail"}.`;

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line p-3" data-testid="demo-sweep">
      <h4 id={headingId} className="text-sm font-semibold">
        Seed sweep: {label}
      </h4>
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        {wanted ? null : (
          <button type="button" onClick={onStart} className="rounded-lg border border-line px-3 py-1.5 hover:bg-sunken">
            Check seeds 1–{count}
          </button>
        )}
        <p className="text-muted" aria-live="polite">
          {wanted ? status : `Runs seeds 1–${count} with these settings and shows which pass; load one to replay it.`}
        </p>
      </div>
      {verdicts.length > 0 ? (
        <ul className="mt-2 flex list-none flex-wrap items-center gap-1.5 p-0" aria-label="Seeds checked">
          {verdicts.map((v) => (
            <li key={v.seed} className="flex">
              <button
                type="button"
                onClick={() => onLoad(v.seed)}
                aria-label={`Seed ${v.seed}: ${v.passed ? "passes" : "fails"}. Load it.`}
                aria-current={v.seed === currentSeed ? "true" : undefined}
                title={v.summary}
                className={`inline-flex min-h-8 min-w-11 items-center justify-center rounded-md border px-1.5 font-mono text-xs tabular-nums aria-[current=true]:ring-2 aria-[current=true]:ring-accent ${
                  v.passed ? "border-line bg-good-soft" : "border-bad bg-bad-soft font-bold"
                }`}
              >
                {v.seed}
                <span aria-hidden="true" className={v.passed ? "ml-0.5 text-good" : "ml-0.5 text-bad"}>
                  {v.passed ? "✓" : "✗"}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
