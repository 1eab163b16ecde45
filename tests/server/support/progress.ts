/**
 * Progress and team tracks for dashboard and certificate tests, written straight to the
 * database: synced facts through the sync repository, published team tracks as rows.
 */
import { randomUUID } from "node:crypto";
import { getLessonSummaries } from "@/lib/content/lessons.server";
import { emptyFacts, type ProgressFacts } from "@/lib/progress/types";
import { getDatabase, getDb } from "@/lib/server/db/client";
import { teamTrackAssignments, teamTrackRevisions, teamTracks } from "@/lib/server/db/schema";
import { sqlSyncRepository } from "@/lib/server/sync/sql-repository";
import { factsToEntries } from "@/lib/sync/entries";
import type { Due } from "@/lib/tracks/types";

const ts = (wall: number) => ({ wall, counter: 0, device: "test-device" });

/** Facts that complete these lessons: every checklist item ticked and a quiz attempt of `correct` of 10. */
export async function factsCompleting(lessonIds: readonly string[], correct = 10, at = Date.now() - 60_000): Promise<ProgressFacts> {
  const lessons = await getLessonSummaries();
  const facts = emptyFacts();
  for (const id of lessonIds) {
    const lesson = lessons.find((l) => l.id === id);
    if (!lesson) throw new Error(`no lesson ${id}`);
    facts.checklist[id] = Object.fromEntries(lesson.checklistIds.map((item) => [item, { value: true, at: ts(at) }]));
    const attemptId = `attempt-${id}-${correct}-${randomUUID().slice(0, 8)}`;
    facts.attempts[attemptId] = { id: attemptId, lessonId: id, at: ts(at + 1), total: 10, correct, responses: {} };
  }
  return facts;
}

/** Stores facts as this user's synced entries (replacing any with the same identity). */
export async function syncFacts(userId: string, facts: ProgressFacts): Promise<void> {
  const repo = sqlSyncRepository(await getDatabase());
  await repo.withUserLock(userId, async (tx) => {
    const entries = factsToEntries(facts).map((entry, i) => ({ ...entry, seq: tx.lastSeq + i + 1 }));
    await tx.write(entries, tx.lastSeq + entries.length);
  });
}

export interface TrackRow {
  teamId: string;
  title: string;
  lessons: string[];
  passMark?: number;
  status?: "draft" | "published" | "archived";
  wholeTeam?: boolean;
  /** members.id of members it is assigned to explicitly. */
  memberIds?: string[];
  due?: Due;
  startedAt?: Date;
}

/** A team track as the builder would leave it: published (revision 1) unless told otherwise. */
export async function insertTeamTrack(row: TrackRow): Promise<string> {
  const db = await getDb();
  const id = randomUUID();
  const status = row.status ?? "published";
  const startedAt = row.startedAt ?? new Date(Date.now() - 10 * 86_400_000);
  const steps = row.lessons.map((lessonId) => ({ lessonId, due: row.due ?? ({ kind: "days", days: 3 } as Due), note: "Why this step." }));
  const content = { title: row.title, summary: "", passMark: row.passMark ?? 80, assessment: null, steps };
  await db.insert(teamTracks).values({
    id,
    teamId: row.teamId,
    ...content,
    status,
    revision: status === "draft" ? 0 : 1,
    wholeTeamSince: row.wholeTeam ? startedAt : null,
    publishedAt: status === "draft" ? null : startedAt,
  });
  if (status !== "draft") await db.insert(teamTrackRevisions).values({ trackId: id, revision: 1, ...content, publishedAt: startedAt });
  for (const memberId of row.memberIds ?? []) await db.insert(teamTrackAssignments).values({ trackId: id, memberId, assignedAt: startedAt });
  return id;
}
