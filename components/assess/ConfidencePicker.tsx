"use client";

import type { Confidence } from "@/lib/progress/types";

export const CONFIDENCE_CHOICES: { value: Confidence; label: string; key: string }[] = [
  { value: "sure", label: "Sure", key: "S" },
  { value: "think", label: "Think so", key: "T" },
  { value: "guess", label: "Guessing", key: "G" },
];

export function confidenceLabel(confidence: Confidence): string {
  return CONFIDENCE_CHOICES.find((c) => c.value === confidence)?.label ?? confidence;
}

/** "How sure are you?": three levels, as radios so arrows, Space and screen readers work as usual. */
export function ConfidencePicker({
  name,
  value,
  onChange,
  disabled = false,
}: {
  name: string;
  value: Confidence | undefined;
  onChange: (value: Confidence) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="m-0 min-w-0 border-0 p-0" data-testid="confidence">
      <legend className="mb-2 text-sm font-medium">How sure are you?</legend>
      <div className="flex flex-wrap gap-2">
        {CONFIDENCE_CHOICES.map((choice) => (
          <label
            key={choice.value}
            className={`flex items-center gap-2 rounded-lg border px-3 py-1.5 text-sm ${
              disabled ? "border-line" : "cursor-pointer border-line hover:border-accent/60 has-checked:border-accent has-checked:bg-accent-soft"
            }`}
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              disabled={disabled}
              onChange={() => onChange(choice.value)}
              className="size-4 accent-[var(--accent)]"
            />
            {choice.label}
            <kbd className="hidden rounded border border-line px-1 font-mono text-xs text-muted sm:inline" aria-hidden="true">
              {choice.key}
            </kbd>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
