"use client";

import Link from "next/link";
import { sendJson } from "@/lib/account/client";
import { collectErrors, emailError, MIN_PASSWORD_LENGTH, nameError, newPasswordError, requiredError } from "@/lib/account/rules";
import { primaryButton } from "@/components/ui/buttons";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { useForm } from "./useForm";
import { useRouter } from "next/navigation";
import { announceSessionChange } from "@/lib/account/session-request";

const LABELS = { name: "Your name", email: "Email address", password: "Password" };
const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`;

/** Better Auth's codes that belong to one field. */
const SIGN_UP_CODES: Record<string, ["email" | "password", string]> = {
  USER_ALREADY_EXISTS: ["email", "An account with this email address already exists. Sign in instead."],
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: ["email", "An account with this email address already exists. Sign in instead."],
  INVALID_EMAIL: ["email", "Enter an email address like name@example.com."],
  PASSWORD_TOO_SHORT: ["password", `Use at least ${MIN_PASSWORD_LENGTH} characters.`],
  PASSWORD_TOO_LONG: ["password", "This password is too long."],
};

/**
 * After signing in (or up): the header learns who it is and sync starts, in place; then the
 * app navigates on without a full page load (the anonymous progress in this tab is merged
 * into the account by its first sync).
 */
function useSignedIn(next: string): () => void {
  const router = useRouter();
  return () => {
    announceSessionChange();
    router.push(next);
  };
}

function NewAccountForm({ endpoint, submitLabel, next, testId }: { endpoint: string; submitLabel: string; next: string; testId: string }) {
  const form = useForm({ name: "", email: "", password: "" });
  const { values } = form;
  const signedIn = useSignedIn(next);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    void form.submit(
      () => collectErrors({ name: nameError(values.name), email: emailError(values.email), password: newPasswordError(values.password) }),
      async () => {
        const result = await sendJson("POST", endpoint, { name: values.name.trim(), email: values.email.trim(), password: values.password });
        if (result.ok) signedIn();
        else form.failWith(result.problem, SIGN_UP_CODES);
      },
    );
  };

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-5" data-testid={testId}>
      <ErrorSummary summaryRef={form.summaryRef} message={form.message} fields={form.fields} labels={LABELS} />
      <Field id="name" label={LABELS.name} autoComplete="name" value={values.name} onValue={form.set("name")} error={form.fields.name} />
      <Field id="email" label={LABELS.email} type="email" autoComplete="email" value={values.email} onValue={form.set("email")} error={form.fields.email} />
      <Field
        id="password"
        label={LABELS.password}
        type="password"
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        value={values.password}
        onValue={form.set("password")}
        error={form.fields.password}
      />
      <button type="submit" disabled={form.pending} className={primaryButton}>
        {form.pending ? "Working…" : submitLabel}
      </button>
    </form>
  );
}

/** The one-time setup: the first account, which becomes the instance admin. */
export function SetupForm() {
  return <NewAccountForm endpoint="/api/v1/setup" submitLabel="Create the admin account" next="/teams" testId="setup-form" />;
}

export function SignUpForm({ next }: { next: string }) {
  return <NewAccountForm endpoint="/api/v1/auth/sign-up/email" submitLabel="Create account" next={next} testId="signup-form" />;
}

export function SignInForm({ next }: { next: string }) {
  const form = useForm({ email: "", password: "" });
  const { values } = form;
  const signedIn = useSignedIn(next);

  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    void form.submit(
      () => collectErrors({ email: emailError(values.email), password: requiredError(values.password, "Enter your password.") }),
      async () => {
        const result = await sendJson("POST", "/api/v1/auth/sign-in/email", { email: values.email.trim(), password: values.password });
        if (result.ok) signedIn();
        else if (result.problem.status === 401) form.fail({}, "That email address and password do not match an account.");
        else form.failWith(result.problem);
      },
    );
  };

  return (
    <form method="post" noValidate onSubmit={onSubmit} className="space-y-5" data-testid="signin-form">
      <ErrorSummary summaryRef={form.summaryRef} message={form.message} fields={form.fields} labels={LABELS} />
      <Field id="email" label={LABELS.email} type="email" autoComplete="email" value={values.email} onValue={form.set("email")} error={form.fields.email} />
      <Field id="password" label={LABELS.password} type="password" autoComplete="current-password" value={values.password} onValue={form.set("password")} error={form.fields.password} />
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={form.pending} className={primaryButton}>
          {form.pending ? "Signing in…" : "Sign in"}
        </button>
        <Link href={`/signup?next=${encodeURIComponent(next)}`} className="underline underline-offset-2 hover:text-accent">
          Create an account
        </Link>
      </div>
    </form>
  );
}
