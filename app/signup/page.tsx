import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/AuthForms";
import { safeNext } from "@/lib/account/rules";
import { currentUser, instanceIsSetUp } from "@/lib/server/pages";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeNext(typeof raw === "string" ? raw : null);
  if (!(await instanceIsSetUp())) redirect("/setup");
  if (await currentUser()) redirect(next);
  return (
    <div className="mx-auto max-w-md px-4 pt-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-3 text-muted">
        An account lets you join a team and, soon, keep your progress on every device. Everything else works without one.
      </p>
      <div className="mt-8">
        <SignUpForm next={next} />
      </div>
      <p className="mt-8 text-sm text-muted">
        Already have an account?{" "}
        <Link href={`/signin?next=${encodeURIComponent(next)}`} className="font-medium text-ink underline underline-offset-2 hover:text-accent">
          Sign in
        </Link>
      </p>
    </div>
  );
}
