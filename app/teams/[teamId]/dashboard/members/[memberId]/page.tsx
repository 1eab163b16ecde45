import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MemberProgressView } from "@/components/team/dashboard/MemberProgressView";
import { PrintButton } from "@/components/team/dashboard/PrintButton";
import { getDb } from "@/lib/server/db/client";
import { ProblemError } from "@/lib/server/http/problem";
import { requirePageUser } from "@/lib/server/pages";
import { loadFactsOf } from "@/lib/server/sync/facts";
import { loadActor } from "@/lib/server/teams/queries";
import { loadMemberProgress } from "@/lib/server/tracks/member-progress";

export const metadata: Metadata = { title: "Member progress" };
export const dynamic = "force-dynamic";

export default async function MemberProgressPage({ params }: { params: Promise<{ teamId: string; memberId: string }> }) {
  const { teamId, memberId } = await params;
  const path = `/teams/${teamId}/dashboard/members/${memberId}`;
  const user = await requirePageUser(path);
  const db = await getDb();
  const progress = await loadMemberProgress(db, await loadActor(db, user.id), teamId, memberId, new Date(), loadFactsOf).catch((error: unknown) => {
    if (error instanceof ProblemError && (error.type === "not-found" || error.type === "forbidden")) notFound();
    throw error;
  });
  const certificates = new Map(progress.certificates.map((c) => [c.trackId, c.certificateId]));
  return (
    <div className="mx-auto max-w-4xl px-4 pt-10 sm:px-6">
      <p className="text-sm print:hidden">
        <Link href={`/teams/${teamId}/dashboard`} className="text-muted underline-offset-2 hover:text-ink hover:underline">
          ← Progress of {progress.team.name}
        </Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">{progress.member.name}</h1>
        <PrintButton />
      </div>
      <p className="mt-1 text-sm text-muted">Only the team&rsquo;s tracks assigned to them are shown, with the quizzes on those lessons.</p>
      <MemberProgressView
        rows={progress.rows}
        attempts={progress.attempts}
        lastActivityAt={progress.lastActivityAt}
        timeZone={progress.team.timeZone}
        certificateHref={(trackId) => (certificates.has(trackId) ? `/certificates/${certificates.get(trackId)}` : null)}
      />
    </div>
  );
}
