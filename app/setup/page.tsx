import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/account/AuthForms";
import { instanceIsSetUp } from "@/lib/server/pages";

export const metadata: Metadata = { title: "Set up Quorum" };
export const dynamic = "force-dynamic";

/** Offered only while this Quorum has no admin: the first visitor creates the admin account. */
export default async function SetupPage() {
  if (await instanceIsSetUp()) redirect("/signin");
  return (
    <div className="mx-auto max-w-md px-4 pt-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Set up Quorum</h1>
      <p className="mt-3 text-muted">
        This Quorum has no accounts yet. The account you create now is its admin: it can create teams and invite leads. This
        page disappears once it is done.
      </p>
      <p className="mt-2 text-sm text-muted">Lessons, checklists and quizzes work without an account, for everyone.</p>
      <div className="mt-8">
        <SetupForm />
      </div>
    </div>
  );
}
