"use client";

import { useRef } from "react";
import { sendJson } from "@/lib/account/client";
import { requiredError } from "@/lib/account/rules";
import { dangerButton, dangerSolidButton, secondaryButton } from "@/components/ui/buttons";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { useForm } from "./useForm";

/**
 * Delete the account after a confirmation that says what will go (listed by the server from
 * every part of the account) and asks for the password. Once the server has deleted it, this
 * browser's copy of the account's progress goes too, as on signing out (forgetDeletedAccount).
 */
export function DeleteAccount({ willGo, refusal }: { willGo: string[]; refusal: string | null }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useForm({ password: "" });

  if (refusal) {
    return <p className="text-muted" data-testid="delete-refused">{refusal}</p>;
  }

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    void form.submit(
      () => (requiredError(form.values.password, "Enter your password.") ? { password: "Enter your password to confirm." } : {}),
      async () => {
        // Loaded first, so that a confirmed deletion always empties this browser too.
        const { forgetDeletedAccount } = await import("@/lib/sync/browser");
        const result = await sendJson("DELETE", "/api/v1/account", { password: form.values.password });
        if (!result.ok) return form.failWith(result.problem);
        forgetDeletedAccount();
        window.location.assign("/?account=deleted");
      },
    );
  };

  return (
    <>
      <button type="button" className={dangerButton} onClick={() => dialog.current?.showModal()}>
        Delete my account…
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="delete-title"
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface p-6 text-ink shadow-xl backdrop:bg-black/50"
      >
        <form method="post" noValidate onSubmit={onSubmit}>
          <h2 id="delete-title" className="text-lg font-semibold">
            Delete your account?
          </h2>
          <p className="mt-2 text-sm">This deletes, for good:</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm" data-testid="delete-list">
            {willGo.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-muted">
            Download your data first if you may want it. The progress in this browser is removed too.
          </p>
          <div className="mt-5">
            <ErrorSummary summaryRef={form.summaryRef} message={form.message} fields={form.fields} labels={{ password: "Password" }} />
            <Field id="password" label="Your password" type="password" autoComplete="current-password" value={form.values.password} onValue={form.set("password")} error={form.fields.password} />
          </div>
          <div className="mt-6 flex flex-wrap justify-end gap-3">
            <button type="button" autoFocus onClick={() => dialog.current?.close()} className={secondaryButton}>
              Cancel
            </button>
            <button type="submit" disabled={form.pending} className={dangerSolidButton}>
              {form.pending ? "Deleting…" : "Delete my account"}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
