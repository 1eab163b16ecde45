import { readJsonBody } from "@/lib/server/http/body";
import { json, route } from "@/lib/server/http/route";
import { asTrackManager } from "@/lib/server/tracks/access";
import { createTrackBody, EMPTY_DRAFT, TRACK_BODY_LIMIT } from "@/lib/server/tracks/body";
import { createDraft } from "@/lib/server/tracks/commands";
import { listTeamTracks } from "@/lib/server/tracks/repository";
import { leadViewsOf } from "@/lib/server/tracks/view";

/** GET: the team's tracks, drafts and archived ones too (leads and owners). POST: a new draft, empty or from given content. */
export const dynamic = "force-dynamic";

export const GET = route(async (req, ctx) => {
  const { user, db, teamId } = await asTrackManager(req, ctx.params);
  ctx.setUserId(user.id);
  return json({ tracks: await leadViewsOf(db, teamId, await listTeamTracks(db, teamId)) });
});

export const POST = route(async (req, ctx) => {
  const { user, db, teamId } = await asTrackManager(req, ctx.params);
  ctx.setUserId(user.id);
  const body = await readJsonBody(req, createTrackBody, { maxBytes: TRACK_BODY_LIMIT });
  const track = await createDraft(db, { teamId, userId: user.id, content: body.content ?? { ...EMPTY_DRAFT, steps: [] }, copiedFrom: body.copiedFrom });
  const [view] = await leadViewsOf(db, teamId, [track]);
  return json({ track: view }, { status: 201 });
});
