import { readJsonBody } from "@/lib/server/http/body";
import { json, route } from "@/lib/server/http/route";
import { asTrackEditor } from "@/lib/server/tracks/access";
import { TRACK_BODY_LIMIT, trackContentBody } from "@/lib/server/tracks/body";
import { updateTrack } from "@/lib/server/tracks/commands";
import { leadViewsOf } from "@/lib/server/tracks/view";

/** GET: one track of the team, with who has it. PUT: its whole content (a published track's change is a new revision). */
export const dynamic = "force-dynamic";

export const GET = route(async (req, ctx) => {
  const { user, db, teamId, track } = await asTrackEditor(req, ctx.params, { forEdit: false });
  ctx.setUserId(user.id);
  const [view] = await leadViewsOf(db, teamId, [track]);
  return json({ track: view });
});

export const PUT = route(async (req, ctx) => {
  const { user, db, teamId, track } = await asTrackEditor(req, ctx.params, { forEdit: true });
  ctx.setUserId(user.id);
  const content = await readJsonBody(req, trackContentBody, { maxBytes: TRACK_BODY_LIMIT });
  const updated = await updateTrack(db, { trackId: track.track.id, userId: user.id, content });
  const [view] = await leadViewsOf(db, teamId, [updated]);
  return json({ track: view });
});
