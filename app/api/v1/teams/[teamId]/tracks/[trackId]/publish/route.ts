import { json, route } from "@/lib/server/http/route";
import { asTrackEditor } from "@/lib/server/tracks/access";
import { publishTrack } from "@/lib/server/tracks/commands";
import { leadViewsOf } from "@/lib/server/tracks/view";

/** POST: publish a draft (learners it is assigned to see it from now on). Idempotent. */
export const dynamic = "force-dynamic";

export const POST = route(async (req, ctx) => {
  const { user, db, teamId, track } = await asTrackEditor(req, ctx.params, { forEdit: true });
  ctx.setUserId(user.id);
  const published = await publishTrack(db, { trackId: track.track.id, userId: user.id });
  const [view] = await leadViewsOf(db, teamId, [published]);
  return json({ track: view });
});
