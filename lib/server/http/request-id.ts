import "server-only";
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

const SANE_ID = /^[\w.:-]{1,128}$/;

/** The client's request id when it is a sane token (so it can be logged safely), else a new UUID. */
export function requestIdFor(req: Request): string {
  const given = req.headers.get(REQUEST_ID_HEADER);
  return given && SANE_ID.test(given) ? given : randomUUID();
}
