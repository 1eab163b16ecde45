import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/AuthForms";
import { safeNext } from "@/lib/account/rules";
import { currentUser, instanceIsSetUp } from "@/lib/server/pages";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = (await searchParams).next;
  const next = safeNext(typeof raw === "string" ? raw : null);
  if (await currentUser()) redirect(next);
  const setUp = await instanceIsSetUp();
  return (
    <div className="mx-auto max-w-md px-4 pt-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Sign in</h1>
      {setUp ? (
        <>
          <p className="mt-3 text-muted">Sign in to see your teams and your account.</p>
          <div className="mt-8">
            <SignInForm next={next} />
          </div>
        </>
      ) : (
        <div className="mt-6 rounded-xl border border-line bg-surface p-5">
          <h2 className="font-semibold">This Quorum is not set up yet</h2>
          <p className="mt-1 text-muted">Nobody has an account here so far. The first account becomes the admin.</p>
          <Link href="/setup" className="mt-4 inline-block rounded-lg bg-accent px-4 py-2 font-semibold text-accent-ink hover:opacity-90">
            Set up Quorum
          </Link>
        </div>
      )}
    </div>
  );
}
