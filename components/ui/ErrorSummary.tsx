import type { Ref } from "react";

/**
 * What went wrong with a form, above it: the general problem, then one link per field to the
 * input that needs fixing. It takes the focus when it appears, so keyboard and screen-reader
 * users land on it.
 */
export function ErrorSummary({
  summaryRef,
  message,
  fields,
  labels,
}: {
  summaryRef: Ref<HTMLDivElement>;
  message: string | null;
  fields: Record<string, string>;
  labels: Record<string, string>;
}) {
  const entries = Object.entries(fields);
  if (!message && entries.length === 0) return null;
  return (
    <div ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="error-summary-title" className="mb-6 rounded-xl border-2 border-bad bg-bad-soft p-4" data-testid="error-summary">
      <h2 id="error-summary-title" className="font-semibold text-bad">
        There is a problem
      </h2>
      {message && <p className="mt-1">{message}</p>}
      {entries.length > 0 && (
        <ul className="mt-2 list-disc pl-5">
          {entries.map(([field, text]) => (
            <li key={field}>
              <a href={`#${field}`} className="underline underline-offset-2 hover:text-bad">
                {labels[field] ?? field}: {text}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
