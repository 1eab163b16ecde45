import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { DeleteAccount } from "@/components/account/DeleteAccount";
import { SessionActions } from "@/components/account/SessionActions";
import { checkAccountDeletion, describeAccountDeletion } from "@/lib/server/accounts/account";
import { getDb } from "@/lib/server/db/client";
import { getAdminUserId } from "@/lib/server/instance/admin";
import { requirePageUser } from "@/lib/server/pages";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8 rounded-xl border border-line bg-surface p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const db = await getDb();
  const [adminId, willGo, deletion] = await Promise.all([getAdminUserId(db), describeAccountDeletion(db, user.id), checkAccountDeletion(db, user.id)]);
  return (
    <div className="mx-auto max-w-2xl px-4 pt-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
      <p className="mt-3 text-muted" data-testid="account-identity">
        Signed in as <span className="font-medium text-ink">{user.name}</span> ({user.email})
        {adminId === user.id ? ", this Quorum's admin" : ""}.
      </p>
      <p className="mt-2">
        <Link href="/teams" className="underline underline-offset-2 hover:text-accent">
          Your teams
        </Link>
        {" · "}
        <Link href="/certificates" className="underline underline-offset-2 hover:text-accent">
          Your certificates
        </Link>
      </p>

      <Section id="sessions-heading" title="Signing out">
        <p className="mb-4 text-sm text-muted">Lost a device, or signed in somewhere you should not have? Sign out of every device at once.</p>
        <SessionActions />
      </Section>

      <Section id="password-heading" title="Change your password">
        <ChangePasswordForm />
      </Section>

      <Section id="data-heading" title="Your data">
        <p className="text-sm text-muted">Everything this Quorum keeps about you (your account, sessions and teams) as one JSON file.</p>
        <a href="/api/v1/account/export" download className="mt-4 inline-block rounded-lg border border-line px-4 py-2 font-medium hover:bg-sunken">
          Download all my data
        </a>
      </Section>

      <Section id="delete-heading" title="Delete your account">
        <DeleteAccount willGo={willGo} refusal={deletion.allowed ? null : deletion.reason} />
      </Section>
    </div>
  );
}
