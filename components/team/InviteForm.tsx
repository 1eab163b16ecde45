"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { pick, sendJson } from "@/lib/account/client";
import { collectErrors, emailError } from "@/lib/account/rules";
import { useForm } from "@/components/account/useForm";
import { primaryButton } from "@/components/ui/buttons";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { CopyLink } from "./CopyLink";
import { ROLE_LABELS, type RoleName } from "./roles";

interface Made {
  email: string;
  link: string;
  expiresAt: string;
  emailed: boolean;
}

/** Invite by email address: the answer is a link to copy (and an email when the server can send one). */
export function InviteForm({ teamId, roles }: { teamId: string; roles: RoleName[] }) {
  const router = useRouter();
  const form = useForm({ email: "", role: "member" });
  const [made, setMade] = useState<Made | null>(null);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    setMade(null);
    void form.submit(
      () => collectErrors({ email: emailError(form.values.email) }),
      async () => {
        const result = await sendJson("POST", `/api/v1/teams/${teamId}/invitations`, { email: form.values.email.trim(), role: form.values.role });
        if (!result.ok) return form.failWith(result.problem);
        const [email, link, expiresAt] = [pick(result.data, "invitation", "email"), pick(result.data, "invitation", "link"), pick(result.data, "invitation", "expiresAt")];
        if (email && link && expiresAt) setMade({ email, link, expiresAt, emailed: typeof result.data === "object" && result.data !== null && "emailed" in result.data && result.data.emailed === true });
        form.setValues({ email: "", role: form.values.role });
        router.refresh();
      },
    );
  };

  return (
    <div>
      <form method="post" noValidate onSubmit={onSubmit} data-testid="invite-form">
        <ErrorSummary summaryRef={form.summaryRef} message={form.message} fields={form.fields} labels={{ email: "Email address", role: "Role" }} />
        <div className="flex flex-wrap items-end gap-3">
          <Field
            id="email"
            label="Email address"
            type="email"
            autoComplete="off"
            className="min-w-0 flex-1 basis-56"
            hint="The invitation can only be accepted by someone signed in with this address."
            value={form.values.email}
            onValue={form.set("email")}
            error={form.fields.email}
          />
          <div>
            <label htmlFor="role" className="block font-medium">
              Role
            </label>
            <select
              id="role"
              value={form.values.role}
              onChange={(e) => form.set("role")(e.currentTarget.value)}
              className="mt-1.5 rounded-lg border border-line bg-surface px-3 py-2"
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={form.pending} className={primaryButton}>
            {form.pending ? "Inviting…" : "Invite"}
          </button>
        </div>
      </form>
      {made && (
        <div className="mt-4 rounded-lg border border-good/50 bg-good-soft p-4" data-testid="invitation-made">
          <p className="font-medium">
            Invitation for {made.email} ready{made.emailed ? ", and emailed to them" : ""}.
          </p>
          <p className="mb-2 mt-1 text-sm text-muted">
            It works once, for that address, until {new Date(made.expiresAt).toLocaleDateString("en", { dateStyle: "long" })}.
          </p>
          <CopyLink link={made.link} label={`Invitation link for ${made.email}`} />
        </div>
      )}
    </div>
  );
}
