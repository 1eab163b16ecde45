import "server-only";
import { notFound } from "next/navigation";
import { CURRICULUM } from "@/lib/content/curriculum";
import { checkTracks } from "@/lib/content/tracks.server";
import type { DraftContent } from "@/lib/tracks/schema";
import { authorize } from "../authorize";
import { getDb } from "../db/client";
import { requirePageUser } from "../pages";
import { getTeam, loadActor } from "../teams/queries";

/** For the builder pages: a lead or owner of the team, or the page does not exist for them. */
export async function requireTrackManagerPage(teamId: string, returnTo: string) {
  const user = await requirePageUser(returnTo);
  const db = await getDb();
  const actor = await loadActor(db, user.id);
  if (!authorize(actor, { kind: "track.manage", teamId }).allowed) notFound();
  const team = await getTeam(db, teamId);
  if (!team) notFound();
  return { user, db, actor, team };
}

export const LESSON_CHOICES = CURRICULUM.map((l) => ({ id: l.id, number: l.number, title: l.title }));

/** The built-in tracks as draft content to start from (reads content/tracks, checked against the curriculum's ids). */
export async function builtInStartingPoints(): Promise<{ id: string; title: string; content: DraftContent }[]> {
  const { tracks } = await checkTracks(new Set(CURRICULUM.map((l) => l.id)));
  return tracks.map((t) => ({
    id: t.id,
    title: t.title,
    content: { title: t.title, summary: t.summary, passMark: t.passMark, assessment: t.assessment, steps: t.steps.map((s) => ({ lessonId: s.lessonId, due: s.due, note: s.note })) },
  }));
}
