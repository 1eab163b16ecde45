import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InvitationsList } from "@/components/team/InvitationsList";
import { InviteForm } from "@/components/team/InviteForm";
import { LeaveTeam } from "@/components/team/LeaveTeam";
import { RoleBadge, ROLE_ORDER } from "@/components/team/roles";
import { TeamMembers } from "@/components/team/TeamMembers";
import { TeamTimeZoneForm } from "@/components/team/TeamTimeZoneForm";
import { zoneWords } from "@/components/tracks/format";
import type { MemberRow } from "@/components/team/types";
import { WhatLeadsSee } from "@/components/team/WhatLeadsSee";
import { pageOf, parsePageParam } from "@/lib/paging/page";
import { authorize } from "@/lib/server/authorize";
import { getDb } from "@/lib/server/db/client";
import { getEnv } from "@/lib/server/env";
import { ProblemError } from "@/lib/server/http/problem";
import { requirePageUser } from "@/lib/server/pages";
import { countOwners, loadActor } from "@/lib/server/teams/queries";
import { teamViewFor } from "@/lib/server/teams/view";

export const metadata: Metadata = { title: "Team" };
export const dynamic = "force-dynamic";

async function siteOrigin(): Promise<string> {
  const configured = getEnv().BETTER_AUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}`;
}

type Props = { params: Promise<{ teamId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamPage({ params, searchParams }: Props) {
  const { teamId } = await params;
  const pageParam = (await searchParams).page;
  // An unknown page value is page 1, as on the dashboard.
  const asked = parsePageParam(typeof pageParam === "string" ? pageParam : null) ?? 1;
  const user = await requirePageUser(`/teams/${teamId}`);
  const db = await getDb();
  const actor = await loadActor(db, user.id);
  const view = await teamViewFor(db, actor, teamId).catch((error: unknown) => {
    if (error instanceof ProblemError && error.type === "not-found") notFound();
    throw error;
  });
  const ownerCount = await countOwners(db, teamId);

  // Only the members on this page get their row (and its role choices) built and sent.
  const members = pageOf(view.members, asked);
  const rows: MemberRow[] = members.rows.map((m) => {
    const target = { userId: m.userId, role: m.role };
    const roleChoices = view.canManage
      ? ROLE_ORDER.filter((role) => role === m.role || authorize(actor, { kind: "member.changeRole", teamId, target, newRole: role, ownerCount }).allowed)
      : [m.role];
    return {
      memberId: m.memberId,
      name: m.name,
      email: m.email,
      role: m.role,
      isMe: m.userId === user.id,
      roleChoices,
      canRemove: view.canManage && authorize(actor, { kind: "member.remove", teamId, target, ownerCount }).allowed,
    };
  });
  const inviteRoles = ROLE_ORDER.filter((role) => authorize(actor, { kind: "invitation.create", teamId, role }).allowed).reverse();
  const leaveDecision = authorize(actor, { kind: "team.leave", teamId, ownerCount });

  return (
    <div className="mx-auto max-w-3xl px-4 pt-12 sm:px-6">
      <p className="text-sm">
        <Link href="/teams" className="text-muted underline-offset-2 hover:text-ink hover:underline">
          ← Your teams
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{view.name}</h1>
        <RoleBadge role={view.myRole} />
      </div>
      {authorize(actor, { kind: "team.dashboard", teamId }).allowed ? (
        <p className="mt-3">
          <Link href={`/teams/${teamId}/dashboard`} className="font-medium text-accent underline underline-offset-2">
            See the team&rsquo;s progress on its tracks →
          </Link>
        </p>
      ) : null}

      {view.canManage ? (
        <>
          <TeamMembers teamId={teamId} base={`/teams/${teamId}`} page={{ ...members, rows }} asked={asked} />
          <p className="mt-4">
            <Link href={`/teams/${teamId}/tracks`} className="font-medium text-accent underline underline-offset-2" data-testid="team-tracks-link">
              Team tracks: build, assign and follow them
            </Link>
          </p>
          <section id="settings" aria-labelledby="settings-heading" className="mt-8 scroll-mt-20 rounded-xl border border-line bg-surface p-5">
            <h2 id="settings-heading" className="mb-3 text-lg font-semibold">
              Due dates
            </h2>
            <TeamTimeZoneForm teamId={teamId} timeZone={view.timeZone} zones={Intl.supportedValuesOf("timeZone")} />
          </section>
          <section aria-labelledby="invite-heading" className="mt-8 rounded-xl border border-line bg-surface p-5">
            <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
              Invite someone
            </h2>
            <InviteForm teamId={teamId} roles={inviteRoles} />
          </section>
          <section aria-labelledby="pending-heading" className="mt-8">
            <h2 id="pending-heading" className="mb-3 text-lg font-semibold">
              Pending invitations
            </h2>
            <InvitationsList
              teamId={teamId}
              origin={await siteOrigin()}
              invitations={view.invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString() }))}
            />
          </section>
        </>
      ) : (
        <section aria-labelledby="leads-heading" className="mt-8" data-testid="member-view">
          <h2 id="leads-heading" className="mb-3 text-lg font-semibold">
            Who leads this team
          </h2>
          <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
            {view.seenBy.map((m) => (
              <li key={m.memberId} className="flex flex-wrap items-center gap-3 p-4">
                <span className="font-medium">{m.name}</span>
                <RoleBadge role={m.role} />
              </li>
            ))}
          </ul>
          <p className="mt-4 text-sm text-muted" data-testid="time-zone">
            {zoneWords(view.timeZone)}: a step of this team&rsquo;s tracks is overdue once its due day has ended there.
          </p>
        </section>
      )}

      <WhatLeadsSee leaders={view.seenBy.map((m) => ({ name: m.name, role: m.role }))} assignsAnything={false} />

      <section aria-labelledby="leave-heading" className="mt-10">
        <h2 id="leave-heading" className="mb-3 text-lg font-semibold">
          Leave the team
        </h2>
        {leaveDecision.allowed ? (
          <LeaveTeam teamId={teamId} memberId={view.myMemberId} teamName={view.name} />
        ) : (
          <p className="text-muted">{leaveDecision.reason}</p>
        )}
      </section>
    </div>
  );
}
