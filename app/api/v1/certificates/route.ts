import * as z from "zod";
import { requireUser } from "@/lib/server/auth/session";
import { issueCertificate } from "@/lib/server/certificates/issue";
import { listCertificatesOf } from "@/lib/server/certificates/repository";
import { issueSources } from "@/lib/server/certificates/sources";
import { certificateJson } from "@/lib/server/certificates/view";
import { getDb } from "@/lib/server/db/client";
import { readJsonBody } from "@/lib/server/http/body";
import { json, route } from "@/lib/server/http/route";
import { idSchema } from "@/lib/server/http/schemas";

const requestBody = z.strictObject({
  track: z.strictObject({ kind: z.enum(["built-in", "team"]), trackId: idSchema }),
});

/** GET: my certificates. */
export const dynamic = "force-dynamic";
export const GET = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const db = await getDb();
  return json({ certificates: (await listCertificatesOf(db, user.id)).map(certificateJson) });
});

/**
 * POST: a certificate for a track I have completed, checked on my synced facts (201), or the
 * one I already hold (200). 404 for a track I do not have; 409 track-incomplete, naming the
 * steps left, when it is not complete.
 */
export const POST = route(async (req, ctx) => {
  const user = await requireUser(req);
  ctx.setUserId(user.id);
  const { track } = await readJsonBody(req, requestBody, { maxBytes: 1024 });
  const db = await getDb();
  const { certificate, created } = await issueCertificate(db, user, track, new Date(), issueSources);
  return json({ certificate: certificateJson(certificate) }, { status: created ? 201 : 200, headers: { location: `/api/v1/certificates/${certificate.id}` } });
});
