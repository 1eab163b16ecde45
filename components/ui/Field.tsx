import type { InputHTMLAttributes } from "react";

/** Ids of a field's parts, so the label, hint and error all point at the right input. */
export const fieldIds = (id: string) => ({ input: id, hint: `${id}-hint`, error: `${id}-error` });

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange"> & {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  error?: string;
};

/** A labelled text input whose error is written next to it (and tied to it for screen readers). */
export function Field({ id, label, value, onValue, hint, error, className = "", ...input }: Props) {
  const ids = fieldIds(id);
  const describedBy = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={ids.input} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={ids.hint} className="mt-0.5 text-sm text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.error} className="mt-1 text-sm font-medium text-bad">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
      <input
        id={ids.input}
        name={id}
        value={value}
        onChange={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1.5 block w-full min-w-0 rounded-lg border bg-surface px-3 py-2 text-ink placeholder:text-muted ${error ? "border-bad border-2" : "border-line"}`}
        {...input}
      />
    </div>
  );
}
