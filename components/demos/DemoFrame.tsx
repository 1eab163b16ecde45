"use client";

import { useId, useMemo, useState } from "react";
// Only types from the package index: its registry would pull every scenario into this chunk.
import type { AnyScenario } from "@/lib/sim";
import { defaultParams } from "@/lib/sim/params";
import { DemoTables } from "./DemoTables";
import { EventList } from "./EventList";
import { LineChart } from "./LineChart";
import { ParamControl } from "./ParamControl";
import { SeedSweep } from "./SeedSweep";
import { SystemView } from "./SystemView";
import { formatSeconds, formatValue } from "./format";
import { usePrefersReducedMotion } from "./usePrefersReducedMotion";
import { type ParamValues, useScenarioRun } from "./useScenarioRun";
import { useSeedSweep } from "./useSeedSweep";

const SPEEDS = [0.25, 0.5, 1, 2, 4];

function applyPreset(current: ParamValues, preset: Partial<Record<string, number | boolean | string>>): ParamValues {
  const next = { ...current };
  for (const [key, value] of Object.entries(preset)) if (value !== undefined) next[key] = value;
  return next;
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000;
}

/**
 * The shared demo instrument: any scenario's controls, picture, numbers, tables, charts and
 * notable events, and its seed sweep if it has a check. DemoSlot loads it with the scenario.
 */
export default function DemoFrame({ scenario }: { scenario: AnyScenario }) {
  const headingId = useId();
  const reducedMotion = usePrefersReducedMotion();
  const [params, setParams] = useState<ParamValues>(() => ({ ...defaultParams(scenario) }));
  const [seed, setSeed] = useState(1);
  const [speed, setSpeed] = useState(1);
  const { snapshot, mode, play, pause, step, reset, finish, rewind } = useScenarioRun(scenario, params, seed, speed, reducedMotion);
  const sweep = useSeedSweep(scenario, params);

  const charts = useMemo(() => {
    const groups = new Map<string, typeof snapshot.charts>();
    for (const s of snapshot.charts) groups.set(s.chart, [...(groups.get(s.chart) ?? []), s]);
    return [...groups.entries()];
  }, [snapshot.charts]);

  const setParam = (key: string, value: number | boolean | string) => setParams((p) => ({ ...p, [key]: value }));
  const presetActive = (preset: AnyScenario["presets"][number]) =>
    Object.entries(preset.params).every(([k, v]) => params[k] === v);
  const playing = mode === "playing";

  return (
    <section aria-labelledby={headingId} className="not-prose-block rounded-xl border border-line bg-surface font-sans shadow-sm" data-testid="demo">
      <div className="border-b border-line p-5">
        <p className="text-xs font-bold tracking-wider text-accent uppercase">Demo</p>
        <h3 id={headingId} className="mt-1 text-lg font-semibold">
          {scenario.title}
        </h3>
        <p className="mt-2 text-[0.95rem] text-muted">{scenario.description}</p>
      </div>

      <div className="space-y-5 p-5">
        <div role="group" aria-label="Presets" className="flex flex-wrap gap-2">
          {scenario.presets.map((preset) => (
            <button
              key={preset.id}
              type="button"
              title={preset.description}
              aria-pressed={presetActive(preset)}
              onClick={() => setParams((p) => applyPreset(p, preset.params))}
              className="rounded-full border border-line px-3 py-1 text-sm hover:border-accent aria-pressed:border-accent aria-pressed:bg-accent-soft aria-pressed:text-accent"
            >
              {preset.label}
            </button>
          ))}
        </div>

        <fieldset className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          <legend className="sr-only">Parameters</legend>
          {scenario.params.map((spec) => (
            <ParamControl key={spec.key} spec={spec} value={params[spec.key] ?? spec.default} onChange={(v) => setParam(spec.key, v)} />
          ))}
        </fieldset>

        <div className="flex flex-wrap items-center gap-2 border-t border-line pt-4">
          <button
            type="button"
            onClick={playing ? pause : play}
            className="min-w-[5.5rem] rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90"
          >
            {playing ? "Pause" : mode === "done" ? "Replay" : mode === "paused" ? "Resume" : "Run"}
          </button>
          <button type="button" onClick={step} disabled={mode === "done"} className="rounded-lg border border-line px-3 py-2 text-sm hover:bg-sunken disabled:opacity-50">
            Step
          </button>
          <button type="button" onClick={finish} disabled={mode === "done"} className="rounded-lg border border-line px-3 py-2 text-sm hover:bg-sunken disabled:opacity-50">
            Run to end
          </button>
          <button type="button" onClick={reset} className="rounded-lg border border-line px-3 py-2 text-sm hover:bg-sunken">
            Reset
          </button>
          <label className="ml-auto flex items-center gap-2 text-sm">
            Speed
            <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} className="rounded-md border border-line bg-paper px-1.5 py-1">
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm">
            Seed
            <input
              type="number"
              min={0}
              value={seed}
              onChange={(e) => setSeed(Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
              className="w-24 rounded-md border border-line bg-paper px-1.5 py-1 font-mono"
            />
          </label>
          <button type="button" onClick={() => setSeed(randomSeed())} className="rounded-lg border border-line px-3 py-2 text-sm hover:bg-sunken">
            New seed
          </button>
        </div>

        {scenario.check ? (
          <SeedSweep
            label={scenario.check.label}
            count={sweep.count}
            wanted={sweep.wanted}
            running={sweep.running}
            verdicts={sweep.verdicts}
            currentSeed={seed}
            onStart={sweep.start}
            onLoad={(loaded) => {
              rewind();
              setSeed(loaded);
            }}
          />
        ) : null}

        <div>
          <div className="flex items-baseline justify-between text-sm text-muted">
            <span data-testid="demo-time">
              t = {formatSeconds(snapshot.time)} of {formatSeconds(snapshot.endTime)}
            </span>
            <span>{snapshot.messagesInFlight} in flight</span>
          </div>
          <div className="mt-1 h-1 overflow-hidden rounded-full bg-sunken" aria-hidden="true">
            <div className="h-full bg-accent" style={{ width: `${(snapshot.time / snapshot.endTime) * 100}%` }} />
          </div>
          <div className="mt-3 rounded-lg border border-line bg-paper p-2">
            <SystemView snapshot={snapshot} />
          </div>
        </div>

        {snapshot.events ? <EventList events={snapshot.events} total={snapshot.eventCount} /> : null}

        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3" data-testid="demo-headline">
          {snapshot.headline.map((h) => (
            <div key={h.id} className="rounded-lg border border-line px-3 py-2">
              <dt className="text-xs text-muted">{h.label}</dt>
              <dd className="mt-0.5 text-lg font-semibold tabular-nums">{formatValue(h.value, h.unit)}</dd>
            </div>
          ))}
        </dl>

        <DemoTables tables={snapshot.tables} />

        <div className="space-y-5">
          {charts.map(([title, series]) => (
            <LineChart key={title} title={title} series={series} markers={snapshot.markers} endTime={snapshot.endTime} />
          ))}
        </div>

        <p className="rounded-lg bg-sunken px-3 py-2 text-sm" aria-live="polite" data-testid="demo-summary">
          {mode === "playing" ? "Running…" : snapshot.summary}
        </p>
      </div>
    </section>
  );
}
