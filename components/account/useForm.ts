"use client";

import { useRef, useState } from "react";
import type { Problem } from "@/lib/account/client";

/**
 * A form's state: what was typed (kept whatever happens), the errors per field and the general
 * one, and a submit that validates, sends, and on failure moves the focus to the summary.
 */
export function useForm<F extends string>(initial: Record<F, string>) {
  const [values, setValues] = useState(initial);
  const [fields, setFields] = useState<Partial<Record<F, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const set = (field: F) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  /** Shows errors (field messages and/or a general one) and focuses the summary. */
  const fail = (fieldErrors: Partial<Record<F, string>>, general: string | null = null) => {
    setFields(fieldErrors);
    setMessage(general);
    focusSummary();
  };

  const isField = (name: string): name is F => Object.hasOwn(values, name);

  /**
   * Shows a problem from the server: next to the field it names (the API lists fields; Better
   * Auth gives a code, which `known` maps to a field and a message), else as the general error.
   */
  const failWith = (problem: Problem, known: Record<string, [F, string]> = {}) => {
    const serverFields: Partial<Record<F, string>> = {};
    const mapped = problem.code ? known[problem.code] : undefined;
    if (mapped) serverFields[mapped[0]] = mapped[1];
    for (const [field, text] of Object.entries(problem.fields)) if (isField(field)) serverFields[field] = text;
    fail(serverFields, Object.keys(serverFields).length ? null : problem.detail);
  };

  /** Runs `validate`; if it finds nothing, `send`. */
  const submit = async (validate: () => Partial<Record<F, string>>, send: () => Promise<void>) => {
    const errors = validate();
    if (Object.keys(errors).length > 0) return fail(errors);
    setPending(true);
    setFields({});
    setMessage(null);
    try {
      await send();
    } finally {
      setPending(false);
    }
  };

  return { values, set, fields, message, pending, summaryRef, fail, failWith, submit, setValues };
}
