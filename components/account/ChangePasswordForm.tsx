"use client";

import { useState } from "react";
import { sendJson } from "@/lib/account/client";
import { collectErrors, MIN_PASSWORD_LENGTH, newPasswordError, requiredError } from "@/lib/account/rules";
import { primaryButton } from "@/components/ui/buttons";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { useForm } from "./useForm";

const LABELS = { currentPassword: "Current password", newPassword: "New password" };

export function ChangePasswordForm() {
  const form = useForm({ currentPassword: "", newPassword: "" });
  const [signOutOthers, setSignOutOthers] = useState(true);
  const [done, setDone] = useState<string | null>(null);
  const { values } = form;

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setDone(null);
    void form.submit(
      () =>
        collectErrors({
          currentPassword: requiredError(values.currentPassword, "Enter your current password."),
          newPassword: newPasswordError(values.newPassword) ?? (values.newPassword === values.currentPassword ? "Choose a password different from the current one." : null),
        }),
      async () => {
        const result = await sendJson("POST", "/api/v1/auth/change-password", {
          currentPassword: values.currentPassword,
          newPassword: values.newPassword,
          revokeOtherSessions: signOutOthers,
        });
        if (result.ok) {
          form.setValues({ currentPassword: "", newPassword: "" });
          setDone(signOutOthers ? "Your password is changed, and your other devices are signed out." : "Your password is changed.");
        } else {
          form.failWith(result.problem, {
            INVALID_PASSWORD: ["currentPassword", "That is not your current password."],
            PASSWORD_TOO_SHORT: ["newPassword", `Use at least ${MIN_PASSWORD_LENGTH} characters.`],
            PASSWORD_TOO_LONG: ["newPassword", "This password is too long."],
          });
        }
      },
    );
  };

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-5" data-testid="change-password-form">
      <ErrorSummary summaryRef={form.summaryRef} message={form.message} fields={form.fields} labels={LABELS} />
      <Field id="currentPassword" label={LABELS.currentPassword} type="password" autoComplete="current-password" value={values.currentPassword} onValue={form.set("currentPassword")} error={form.fields.currentPassword} />
      <Field
        id="newPassword"
        label={LABELS.newPassword}
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        value={values.newPassword}
        onValue={form.set("newPassword")}
        error={form.fields.newPassword}
      />
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1 size-4 accent-[var(--accent)]" checked={signOutOthers} onChange={(e) => setSignOutOthers(e.currentTarget.checked)} />
        <span>Sign out my other devices</span>
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={form.pending} className={primaryButton}>
          {form.pending ? "Changing…" : "Change password"}
        </button>
        <p role="status" className="text-sm font-medium text-good">
          {done}
        </p>
      </div>
    </form>
  );
}
