import { json, route } from "@/lib/server/http/route";
import { asTrackEditor } from "@/lib/server/tracks/access";
import { archiveTrack } from "@/lib/server/tracks/commands";
import { leadViewsOf } from "@/lib/server/tracks/view";

/** POST: archive the track (learners stop seeing it; it can no longer be changed or assigned). Idempotent. */
export const dynamic = "force-dynamic";

export const POST = route(async (req, ctx) => {
  const { user, db, teamId, track } = await asTrackEditor(req, ctx.params, { forEdit: false });
  ctx.setUserId(user.id);
  const archived = await archiveTrack(db, track.track.id);
  const [view] = await leadViewsOf(db, teamId, [archived]);
  return json({ track: view });
});
