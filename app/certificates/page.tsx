import type { Metadata } from "next";
import Link from "next/link";
import { RequestCertificate } from "@/components/tracks/RequestCertificate";
import { getTracks } from "@/lib/content/tracks.server";
import { listCertificatesOf } from "@/lib/server/certificates/repository";
import { getDb } from "@/lib/server/db/client";
import { requirePageUser } from "@/lib/server/pages";
import { getTeamTracks, listAssignmentsOfUser } from "@/lib/server/tracks/repository";

export const metadata: Metadata = { title: "Your certificates" };
export const dynamic = "force-dynamic";

const longDate = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/** The certificates I hold, and the tracks I could get one for (the server checks completion when asked). */
export default async function CertificatesPage() {
  const user = await requirePageUser("/certificates");
  const db = await getDb();
  const [held, assignments, builtIn] = await Promise.all([listCertificatesOf(db, user.id), listAssignmentsOfUser(db, user.id), getTracks()]);
  const teamTracks = (await getTeamTracks(db, [...new Set(assignments.map((a) => a.trackId))])).filter((t) => t.status === "published");
  const heldKeys = new Set(held.map((c) => `${c.track.kind}/${c.track.trackId}`));
  const candidates = [
    ...teamTracks.map((t) => ({ kind: "team" as const, trackId: t.track.id, title: t.track.title, note: "assigned by your team" })),
    ...builtIn.map((t) => ({ kind: "built-in" as const, trackId: t.id, title: t.title, note: "built-in track" })),
  ].filter((c) => !heldKeys.has(`${c.kind}/${c.trackId}`));

  return (
    <div className="mx-auto max-w-3xl px-4 pt-12 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight">Your certificates</h1>
      <p className="mt-3 text-muted">
        Complete every step of a track (each checklist ticked, each quiz passed at the track&rsquo;s pass mark) and this Quorum issues a certificate from your synced
        progress, with a public page anyone can use to check it.
      </p>
      <section aria-labelledby="held-heading" className="mt-8">
        <h2 id="held-heading" className="text-xl font-semibold">
          Held
        </h2>
        {held.length === 0 ? (
          <p className="mt-2 text-muted">None yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-line rounded-xl border border-line bg-surface">
            {held.map((c) => (
              <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-3 p-4">
                <Link href={`/certificates/${c.id}`} className="font-medium underline underline-offset-2">
                  {c.trackTitle}
                </Link>
                <span className="text-sm text-muted">completed {longDate.format(c.completedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="available-heading" className="mt-10">
        <h2 id="available-heading" className="text-xl font-semibold">
          Tracks you can complete
        </h2>
        <ul className="mt-3 divide-y divide-line rounded-xl border border-line bg-surface">
          {candidates.map((c) => (
            <li key={`${c.kind}/${c.trackId}`} className="p-4" data-testid={`candidate-${c.trackId}`}>
              <p className="font-medium">
                {c.kind === "built-in" ? (
                  <Link href={`/tracks/${c.trackId}`} className="underline underline-offset-2">
                    {c.title}
                  </Link>
                ) : (
                  c.title
                )}{" "}
                <span className="text-sm font-normal text-muted">· {c.note}</span>
              </p>
              <RequestCertificate track={{ kind: c.kind, trackId: c.trackId }} className="mt-2" />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
