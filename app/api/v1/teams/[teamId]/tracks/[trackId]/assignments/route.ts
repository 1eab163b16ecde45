import { readJsonBody } from "@/lib/server/http/body";
import { json, route } from "@/lib/server/http/route";
import { asTrackEditor } from "@/lib/server/tracks/access";
import { assignmentsBody } from "@/lib/server/tracks/body";
import { setAssignments } from "@/lib/server/tracks/commands";
import { getTeamTrack } from "@/lib/server/tracks/repository";
import { leadViewsOf } from "@/lib/server/tracks/view";

/**
 * PUT: who has the track, as a whole: `wholeTeam` (everyone, members who join later too) and
 * the members chosen one by one. Assigning and unassigning are both this one idempotent call.
 */
export const dynamic = "force-dynamic";

export const PUT = route(async (req, ctx) => {
  const { user, db, teamId, track } = await asTrackEditor(req, ctx.params, { forEdit: true });
  ctx.setUserId(user.id);
  const body = await readJsonBody(req, assignmentsBody);
  await setAssignments(db, { trackId: track.track.id, teamId, userId: user.id, ...body });
  const [view] = await leadViewsOf(db, teamId, [(await getTeamTrack(db, track.track.id)) ?? track]);
  return json({ track: view });
});
