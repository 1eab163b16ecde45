"use client";

import { useRouter } from "next/navigation";
import { pick, sendJson } from "@/lib/account/client";
import { collectErrors, nameError } from "@/lib/account/rules";
import { primaryButton } from "@/components/ui/buttons";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { useForm } from "@/components/account/useForm";
import { browserTimeZone } from "@/components/tracks/useNow";

export function CreateTeamForm() {
  const router = useRouter();
  const form = useForm({ name: "" });

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    void form.submit(
      () => collectErrors({ name: nameError(form.values.name) }),
      async () => {
        // The team's due dates start in the creator's zone; its leads can change it on the team's page.
        const result = await sendJson("POST", "/api/v1/teams", { name: form.values.name.trim(), timeZone: browserTimeZone() });
        if (!result.ok) return form.failWith(result.problem);
        const id = pick(result.data, "team", "id");
        router.push(id ? `/teams/${id}` : "/teams");
      },
    );
  };

  return (
    <form method="post" noValidate onSubmit={onSubmit} data-testid="create-team-form">
      <ErrorSummary summaryRef={form.summaryRef} message={form.message} fields={form.fields} labels={{ name: "Team name" }} />
      <div className="flex flex-wrap items-end gap-3">
        <Field id="name" label="Team name" className="min-w-0 flex-1 basis-56" value={form.values.name} onValue={form.set("name")} error={form.fields.name} />
        <button type="submit" disabled={form.pending} className={primaryButton}>
          {form.pending ? "Creating…" : "Create team"}
        </button>
      </div>
    </form>
  );
}
