import * as z from "zod";
import { findCertificate } from "@/lib/server/certificates/repository";
import { certificateJson } from "@/lib/server/certificates/view";
import { getDb } from "@/lib/server/db/client";
import { ProblemError } from "@/lib/server/http/problem";
import { json, parseParams, route } from "@/lib/server/http/route";

/** GET (public, no session needed): whether a certificate is genuine, and what it says. Its unguessable id is the only key. */
export const dynamic = "force-dynamic";
export const GET = route(async (_req, ctx) => {
  const { certificateId } = parseParams(ctx.params, z.object({ certificateId: z.string().max(64) }));
  const certificate = await findCertificate(await getDb(), certificateId);
  if (!certificate) throw new ProblemError("not-found", "No certificate has this id: it was never issued here, or its holder deleted their account.");
  return json({ genuine: true, certificate: certificateJson(certificate) });
});
