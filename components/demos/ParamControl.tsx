"use client";

import { useId } from "react";
import type { ParamSpec } from "@/lib/sim";
import { formatValue } from "./format";

type Value = number | boolean | string;

/** One scenario parameter as a labelled native control: slider, switch or choice. */
export function ParamControl({ spec, value, onChange }: { spec: ParamSpec; value: Value; onChange: (value: Value) => void }) {
  const id = useId();
  const helpId = `${id}-help`;
  const help = (
    <p id={helpId} className="mt-1 text-xs text-muted">
      {spec.help}
    </p>
  );

  if (spec.kind === "boolean") {
    return (
      <div>
        <label htmlFor={id} className="flex cursor-pointer items-center justify-between gap-3 text-sm font-medium">
          {spec.label}
          <input
            id={id}
            type="checkbox"
            role="switch"
            checked={value === true}
            aria-describedby={helpId}
            onChange={(e) => onChange(e.target.checked)}
            className="size-4 accent-[var(--accent)]"
          />
        </label>
        {help}
      </div>
    );
  }

  if (spec.kind === "choice") {
    return (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {spec.label}
        </label>
        <select
          id={id}
          value={String(value)}
          aria-describedby={helpId}
          onChange={(e) => onChange(e.target.value)}
          className="mt-1 w-full rounded-md border border-line bg-paper px-2 py-1.5 text-sm"
        >
          {spec.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        {help}
      </div>
    );
  }

  return (
    <div>
      <label htmlFor={id} className="flex items-baseline justify-between gap-3 text-sm font-medium">
        {spec.label}
        <output htmlFor={id} className="font-mono text-xs text-muted tabular-nums">
          {formatValue(Number(value), spec.unit)}
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={spec.min}
        max={spec.max}
        step={spec.step}
        value={Number(value)}
        aria-describedby={helpId}
        aria-valuetext={formatValue(Number(value), spec.unit)}
        onChange={(e) => onChange(Number(e.target.value))}
        className="mt-1 w-full accent-[var(--accent)]"
      />
      {help}
    </div>
  );
}
