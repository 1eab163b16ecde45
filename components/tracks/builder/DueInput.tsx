"use client";

import type { Due } from "@/lib/tracks/types";

/**
 * When a step is due: no date, a calendar date, or a number of days after the learner was
 * assigned the track. `id` is the field name errors use ("steps.2.due").
 */
export function DueInput({ id, label, due, onDue, error }: { id: string; label: string; due: Due; onDue: (due: Due) => void; error?: string }) {
  const kindId = id;
  const valueId = `${id}-value`;
  const errorId = `${id}-error`;
  const setKind = (kind: Due["kind"]) => {
    if (kind === due.kind) return;
    if (kind === "date") onDue({ kind, date: "" });
    else if (kind === "days") onDue({ kind, days: 7 });
    else onDue({ kind: "none" });
  };
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium">{label}</legend>
      {error && (
        <p id={errorId} className="mt-1 text-sm font-medium text-bad">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-2">
        <select
          id={kindId}
          aria-label={`${label}: kind`}
          value={due.kind}
          onChange={(e) => setKind(e.currentTarget.value as Due["kind"])}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={`rounded-lg border bg-surface px-2 py-1.5 text-sm ${error ? "border-2 border-bad" : "border-line"}`}
        >
          <option value="none">No due date</option>
          <option value="date">On a date</option>
          <option value="days">Days after assignment</option>
        </select>
        {due.kind === "date" && (
          <input
            id={valueId}
            type="date"
            aria-label={`${label}: date`}
            value={due.date}
            onChange={(e) => onDue({ kind: "date", date: e.currentTarget.value })}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            className={`rounded-lg border bg-surface px-2 py-1 text-sm ${error ? "border-2 border-bad" : "border-line"}`}
          />
        )}
        {due.kind === "days" && (
          <span className="flex items-center gap-2 text-sm">
            <input
              id={valueId}
              type="number"
              inputMode="numeric"
              min={0}
              max={365}
              aria-label={`${label}: days after assignment`}
              value={Number.isNaN(due.days) ? "" : String(due.days)}
              onChange={(e) => onDue({ kind: "days", days: e.currentTarget.value.trim() === "" ? Number.NaN : Number(e.currentTarget.value) })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              className={`w-20 rounded-lg border bg-surface px-2 py-1 ${error ? "border-2 border-bad" : "border-line"}`}
            />
            <span aria-hidden="true">days after assignment</span>
          </span>
        )}
      </div>
    </fieldset>
  );
}
