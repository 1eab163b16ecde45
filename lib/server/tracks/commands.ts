import "server-only";
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { DraftContent } from "@/lib/tracks/schema";
import { ProblemError } from "../http/problem";
import { members, teamTrackAssignments, teamTrackRevisions, teamTracks, teamTrackViews } from "../db/schema";
import type { Db, Tx } from "../db/types";
import { getTeamTrack, type TeamTrack } from "./repository";

/**
 * Writes for team tracks. Callers have authorized the actor on the track's team and its status
 * (authorize "track.edit"); these only keep the rows consistent: a published track's every edit
 * is a new revision with its snapshot, in one transaction with the edit.
 */

function contentColumns(content: DraftContent) {
  return { title: content.title, summary: content.summary, passMark: content.passMark, assessment: content.assessment, steps: content.steps };
}

async function mustGet(tx: Tx, trackId: string): Promise<TeamTrack> {
  const track = await getTeamTrack(tx, trackId);
  if (!track) throw new ProblemError("not-found", "No such track in this team.");
  return track;
}

async function snapshot(tx: Tx, trackId: string, userId: string): Promise<number> {
  const [row] = await tx
    .update(teamTracks)
    .set({ revision: sql`${teamTracks.revision} + 1`, updatedAt: new Date() })
    .where(eq(teamTracks.id, trackId))
    .returning();
  if (!row) throw new ProblemError("not-found", "No such track in this team.");
  await tx.insert(teamTrackRevisions).values({
    trackId,
    revision: row.revision,
    title: row.title,
    summary: row.summary,
    passMark: row.passMark,
    assessment: row.assessment,
    steps: row.steps,
    publishedBy: userId,
  });
  return row.revision;
}

export async function createDraft(db: Db, input: { teamId: string; userId: string; content: DraftContent; copiedFrom?: string }): Promise<TeamTrack> {
  const id = randomUUID();
  await db.insert(teamTracks).values({ id, teamId: input.teamId, createdBy: input.userId, copiedFrom: input.copiedFrom ?? null, status: "draft", ...contentColumns(input.content) });
  const track = await getTeamTrack(db, id);
  if (!track) throw new Error("the new track could not be read back");
  return track;
}

/** Key order is not kept by jsonb, so compare structure, not text. */
const sameContent = (a: DraftContent, b: DraftContent) => isDeepStrictEqual(contentColumns(a), contentColumns(b));

/** Replaces the content. On a published track a real change becomes the next revision, which learners are shown. */
export async function updateTrack(db: Db, input: { trackId: string; userId: string; content: DraftContent }): Promise<TeamTrack> {
  return db.transaction(async (tx) => {
    const current = await mustGet(tx, input.trackId);
    if (sameContent(current.track, input.content)) return current;
    if (current.status === "published" && input.content.steps.length === 0) {
      throw new ProblemError("validation-failed", "steps: a published track needs at least one step", {
        extensions: { errors: [{ field: "steps", message: "a published track needs at least one step" }] },
      });
    }
    await tx.update(teamTracks).set({ ...contentColumns(input.content), updatedAt: new Date() }).where(eq(teamTracks.id, input.trackId));
    if (current.status === "published") await snapshot(tx, input.trackId, input.userId);
    return mustGet(tx, input.trackId);
  });
}

/** Publishes a draft as revision 1 (or the next); publishing a published track changes nothing. */
export async function publishTrack(db: Db, input: { trackId: string; userId: string }): Promise<TeamTrack> {
  return db.transaction(async (tx) => {
    const current = await mustGet(tx, input.trackId);
    if (current.status === "published") return current;
    if (current.track.steps.length === 0) {
      throw new ProblemError("validation-failed", "steps: add at least one lesson before publishing", {
        extensions: { errors: [{ field: "steps", message: "add at least one lesson before publishing" }] },
      });
    }
    const now = new Date();
    await tx.update(teamTracks).set({ status: "published", publishedAt: now, updatedAt: now }).where(eq(teamTracks.id, input.trackId));
    await snapshot(tx, input.trackId, input.userId);
    return mustGet(tx, input.trackId);
  });
}

/** Archives the track: learners no longer see it, and it cannot be changed or assigned again. */
export async function archiveTrack(db: Db, trackId: string): Promise<TeamTrack> {
  const now = new Date();
  await db.update(teamTracks).set({ status: "archived", archivedAt: now, updatedAt: now }).where(and(eq(teamTracks.id, trackId), sql`${teamTracks.status} <> 'archived'`));
  const track = await getTeamTrack(db, trackId);
  if (!track) throw new ProblemError("not-found", "No such track in this team.");
  return track;
}

/**
 * Sets who has the track: the whole team (members who join later too) and/or chosen members.
 * Members who keep it keep their start; a member id outside the team refuses the whole request.
 */
export async function setAssignments(db: Db, input: { trackId: string; teamId: string; userId: string; wholeTeam: boolean; memberIds: string[] }): Promise<void> {
  const chosen = [...new Set(input.memberIds)];
  await db.transaction(async (tx) => {
    const current = await mustGet(tx, input.trackId);
    if (chosen.length > 0) {
      const found = await tx
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.organizationId, input.teamId), inArray(members.id, chosen)));
      const known = new Set(found.map((r) => r.id));
      const errors = chosen.flatMap((id, i) => (known.has(id) ? [] : [{ field: `memberIds.${i}`, message: "is not a member of this team" }]));
      if (errors.length) throw new ProblemError("validation-failed", errors.map((e) => `${e.field}: ${e.message}`).join("; "), { extensions: { errors } });
    }
    const now = new Date();
    const wholeTeamSince = input.wholeTeam ? (current.wholeTeamSince ?? now) : null;
    if ((wholeTeamSince?.getTime() ?? null) !== (current.wholeTeamSince?.getTime() ?? null)) {
      await tx.update(teamTracks).set({ wholeTeamSince, updatedAt: now }).where(eq(teamTracks.id, input.trackId));
    }
    await tx
      .delete(teamTrackAssignments)
      .where(chosen.length ? and(eq(teamTrackAssignments.trackId, input.trackId), notInArray(teamTrackAssignments.memberId, chosen)) : eq(teamTrackAssignments.trackId, input.trackId));
    if (chosen.length) {
      await tx
        .insert(teamTrackAssignments)
        .values(chosen.map((memberId) => ({ trackId: input.trackId, memberId, assignedAt: now, assignedBy: input.userId })))
        .onConflictDoNothing();
    }
  });
}

/** Records that the learner has seen this revision (never goes back to an older one). */
export async function markSeen(db: Db, input: { trackId: string; userId: string; revision: number }): Promise<void> {
  await db
    .insert(teamTrackViews)
    .values({ trackId: input.trackId, userId: input.userId, seenRevision: input.revision })
    .onConflictDoUpdate({
      target: [teamTrackViews.trackId, teamTrackViews.userId],
      set: { seenRevision: sql`greatest(${teamTrackViews.seenRevision}, excluded.seen_revision)`, seenAt: new Date() },
    });
}
