import type { Metadata } from "next";
import Link from "next/link";
import { CreateTeamForm } from "@/components/team/CreateTeamForm";
import { RoleBadge } from "@/components/team/roles";
import { authorize } from "@/lib/server/authorize";
import { getDb } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/pages";
import { listTeamsOf, loadActor } from "@/lib/server/teams/queries";

export const metadata: Metadata = { title: "Your teams" };
export const dynamic = "force-dynamic";

export default async function TeamsPage() {
  const user = await requirePageUser("/teams");
  const db = await getDb();
  const [teams, actor] = await Promise.all([listTeamsOf(db, user.id), loadActor(db, user.id)]);
  const canCreate = authorize(actor, { kind: "team.create" }).allowed;
  return (
    <div className="mx-auto max-w-2xl px-4 pt-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your teams</h1>
      <p className="mt-3 text-muted">A team&rsquo;s leads invite people and follow what the team assigns them.</p>

      {teams.length === 0 ? (
        <p className="mt-8 rounded-xl border border-dashed border-line p-5 text-muted" data-testid="no-teams">
          You are not in a team yet. A lead can invite you with a link.
        </p>
      ) : (
        <ul className="mt-8 divide-y divide-line rounded-xl border border-line bg-surface" data-testid="team-list">
          {teams.map((team) => (
            <li key={team.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-4">
              <Link href={`/teams/${team.id}`} className="font-semibold underline-offset-2 hover:text-accent hover:underline">
                {team.name}
              </Link>
              <RoleBadge role={team.role} />
              <span className="ml-auto text-sm text-muted">
                {team.memberCount} {team.memberCount === 1 ? "person" : "people"}
              </span>
            </li>
          ))}
        </ul>
      )}

      <section aria-labelledby="create-heading" className="mt-10 rounded-xl border border-line bg-surface p-5">
        <h2 id="create-heading" className="text-lg font-semibold">
          Create a team
        </h2>
        {canCreate ? (
          <div className="mt-3">
            <CreateTeamForm />
          </div>
        ) : (
          <p className="mt-2 text-muted" data-testid="cannot-create">
            Teams are created by this Quorum&rsquo;s admin and by people who already lead a team. Ask one of them to invite you as a
            lead.
          </p>
        )}
      </section>
    </div>
  );
}
