import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AcceptInvitation, SignOutAndReturn } from "@/components/team/AcceptInvitation";
import { ROLE_LABELS } from "@/components/team/roles";
import { primaryButton, secondaryButton } from "@/components/ui/buttons";
import { getDb } from "@/lib/server/db/client";
import { idSchema } from "@/lib/server/http/schemas";
import { ProblemError } from "@/lib/server/http/problem";
import { clientAddress } from "@/lib/server/http/route";
import { enforceRateLimit, RATE_LIMITS } from "@/lib/server/http/rate-limit";
import { currentUser } from "@/lib/server/pages";
import { getInvitation, type InvitationView } from "@/lib/server/teams/queries";

export const metadata: Metadata = { title: "Invitation" };
export const dynamic = "force-dynamic";

function Shell({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto max-w-lg px-4 pt-12 sm:px-6">{children}</div>;
}

const GONE: Record<Exclude<InvitationView["status"], "pending">, string> = {
  accepted: "This invitation was already used: each link works once.",
  canceled: "This invitation was revoked.",
  rejected: "This invitation was declined.",
  expired: "This invitation has expired.",
};

async function lookUp(token: string): Promise<InvitationView | null | "limited"> {
  if (!idSchema.safeParse(token).success) return null;
  const db = await getDb();
  const address = clientAddress(await headers());
  try {
    await enforceRateLimit(db, `invitation-lookup:${address}`, RATE_LIMITS.invitationLookupsPerAddress);
  } catch (error) {
    if (error instanceof ProblemError && error.type === "rate-limited") return "limited";
    throw error;
  }
  return getInvitation(db, token);
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await lookUp(token);
  const here = `/invite/${token}`;

  if (invitation === "limited") {
    return (
      <Shell>
        <h1 className="text-3xl font-bold tracking-tight">Too many attempts</h1>
        <p className="mt-3 text-muted">Too many invitation links were opened from here in a short time. Wait a minute and reload.</p>
      </Shell>
    );
  }
  if (!invitation) {
    return (
      <Shell>
        <h1 className="text-3xl font-bold tracking-tight">This invitation link is not valid</h1>
        <p className="mt-3 text-muted">Check that the whole link was copied, or ask the person who invited you for a new one.</p>
      </Shell>
    );
  }
  if (invitation.status !== "pending") {
    return (
      <Shell>
        <h1 className="text-3xl font-bold tracking-tight">This invitation cannot be used</h1>
        <p className="mt-3" data-testid="invitation-gone">
          {GONE[invitation.status]} Ask {invitation.invitedBy} for a new link to {invitation.teamName}.
        </p>
      </Shell>
    );
  }

  const user = await currentUser();
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  return (
    <Shell>
      <h1 className="text-3xl font-bold tracking-tight">Join {invitation.teamName}</h1>
      <p className="mt-3">
        {invitation.invitedBy} invited <span className="font-medium">{invitation.email}</span> to the team {invitation.teamName} as a {role}.
      </p>
      <p className="mt-1 text-sm text-muted">
        The link works once, until {invitation.expiresAt.toLocaleDateString("en", { dateStyle: "long" })}.
      </p>
      <div className="mt-8">
        {!user ? (
          <div className="space-y-3" data-testid="invite-anonymous">
            <p>Sign in with {invitation.email} to accept, or create an account with that address.</p>
            <div className="flex flex-wrap gap-3">
              <Link href={`/signin?next=${encodeURIComponent(here)}`} className={primaryButton}>
                Sign in to accept
              </Link>
              <Link href={`/signup?next=${encodeURIComponent(here)}`} className={secondaryButton}>
                Create an account
              </Link>
            </div>
          </div>
        ) : user.email.toLowerCase() !== invitation.email ? (
          <div className="space-y-3" data-testid="invite-wrong-account">
            <p>
              You are signed in as {user.email}, but this invitation is for {invitation.email}.
            </p>
            <SignOutAndReturn returnTo={here} />
          </div>
        ) : (
          <AcceptInvitation token={token} teamName={invitation.teamName} />
        )}
      </div>
    </Shell>
  );
}
