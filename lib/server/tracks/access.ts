import "server-only";
import * as z from "zod";
import { requireUser, type SessionUser } from "../auth/session";
import { type Actor, authorize } from "../authorize";
import { getDb } from "../db/client";
import type { Db } from "../db/types";
import { assertAllowed } from "../http/deny";
import { ProblemError } from "../http/problem";
import { parseParams } from "../http/route";
import { idSchema } from "../http/schemas";
import { loadActor } from "../teams/queries";
import { trackIdSchema } from "./body";
import { getTeamTrack, type TeamTrack } from "./repository";

/** The checks every team-track endpoint starts with: signed in, in the team, a lead or owner of it. */

export interface ManagerContext {
  user: SessionUser;
  db: Db;
  actor: Actor;
  teamId: string;
}

export async function asTrackManager(req: Request, rawParams: Record<string, unknown>): Promise<ManagerContext> {
  const user = await requireUser(req);
  const { teamId } = parseParams(rawParams, z.object({ teamId: idSchema }).loose());
  const db = await getDb();
  const actor = await loadActor(db, user.id);
  assertAllowed(authorize(actor, { kind: "track.manage", teamId }));
  return { user, db, actor, teamId };
}

/**
 * A track of the team in the path: another team's track, or an id of the wrong shape, is not
 * found. With `forEdit`, an archived track is refused (409) before anything is read from the body.
 */
export async function asTrackEditor(req: Request, rawParams: Record<string, unknown>, { forEdit }: { forEdit: boolean }): Promise<ManagerContext & { track: TeamTrack }> {
  const context = await asTrackManager(req, rawParams);
  const { trackId } = parseParams(rawParams, z.object({ trackId: trackIdSchema }).loose());
  const track = await getTeamTrack(context.db, trackId);
  if (!track || track.teamId !== context.teamId) throw new ProblemError("not-found", "No such track in this team.");
  if (forEdit) assertAllowed(authorize(context.actor, { kind: "track.edit", teamId: context.teamId, trackTeamId: track.teamId, status: track.status }));
  return { ...context, track };
}
