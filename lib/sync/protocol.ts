/**
 * The sync protocol, shared by the browser and the server: `POST /api/v1/sync` with a JSON
 * body. Both sides validate with these schemas (zod/mini, since the browser loads them).
 * docs/sync.md explains the protocol; the short version:
 *
 * request  { format, account, deviceId, cursor, facts }
 *          cursor: the highest server seq this device has merged (null on a first sync);
 *          facts: what this device has that the server may lack.
 * answer   { cursor, more, facts }
 *          facts: the entries stored after `cursor` that the request did not itself carry;
 *          more: true when the answer was cut at a page and the client should ask again.
 */
import * as z from "zod/mini";
import { PROGRESS_VERSION } from "@/lib/progress/format";
import { factsSchema, timestampSchema } from "@/lib/progress/schema";

export const SYNC_PATH = "/api/v1/sync";
/** Who is signed in (see lib/sync/session.ts); provided by the server's account layer. */
export const SESSION_PATH = "/api/v1/session";

/** The shape of the facts a request carries; a client and server must agree on it. */
export const SYNC_FORMAT = PROGRESS_VERSION;

/**
 * The largest request body the server reads. An everyday push (a tick is ~150 bytes) is a
 * thousand times smaller; only the first sync of a long history reaches it, and the client
 * splits that into pieces before sending. Keeping it small keeps each transaction (which
 * holds the user's sync lock) short and the memory of a request bounded.
 */
export const MAX_SYNC_REQUEST_BYTES = 256 * 1024;
/** An answer stops adding entries past this weight (and past SYNC_PAGE_ENTRIES) and says `more`. */
export const MAX_SYNC_ANSWER_BYTES = 256 * 1024;
export const SYNC_PAGE_ENTRIES = 1000;

const count = z.int().check(z.nonnegative());
/** A user id as the auth library makes it: opaque here, but printable and bounded. */
export const accountIdSchema = z.string().check(z.regex(/^[\x21-\x7e]{1,255}$/));

export const syncRequestSchema = z.strictObject({
  format: z.literal(SYNC_FORMAT),
  /** The account the client believes is signed in; the server refuses the request if it is another. */
  account: accountIdSchema,
  deviceId: timestampSchema.shape.device,
  cursor: z.nullable(count),
  facts: factsSchema,
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export const syncAnswerSchema = z.strictObject({
  cursor: count,
  more: z.boolean(),
  facts: factsSchema,
});
export type SyncAnswer = z.infer<typeof syncAnswerSchema>;

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
}

/** As much of a problem as the client reads (a smaller schema is a smaller bundle). */
export const problemSchema = z.object({ type: z.string(), title: z.string() });

/** The same URN scheme as every other problem of the API (lib/server/http/problem.ts). */
const PROBLEM_BASE = "urn:quorum:problem:";

/** The problems sync itself answers with; 401, 429 and 503 come from the server's shared layers. */
export const SYNC_PROBLEMS = {
  invalidJson: { type: `${PROBLEM_BASE}invalid-json`, status: 400, title: "The request body is not valid JSON" },
  invalidRequest: { type: `${PROBLEM_BASE}invalid-sync-request`, status: 400, title: "The sync request is not valid" },
  formatUnsupported: {
    type: `${PROBLEM_BASE}sync-format-unsupported`,
    status: 400,
    title: "This client syncs a progress format the server does not",
  },
  tooLarge: { type: `${PROBLEM_BASE}payload-too-large`, status: 413, title: "The sync request is too large" },
  accountMismatch: {
    type: `${PROBLEM_BASE}account-mismatch`,
    status: 409,
    title: "The request is for another account than the one signed in",
  },
  unknownCursor: {
    type: `${PROBLEM_BASE}unknown-cursor`,
    status: 409,
    title: "The cursor is ahead of anything this server has stored",
  },
} as const satisfies Record<string, Omit<Problem, "detail">>;

/** What `GET /api/v1/session` answers: the signed-in user, or null. */
export const sessionAnswerSchema = z.object({ user: z.nullable(z.object({ id: accountIdSchema })) });

export function buildSyncRequest(fields: Omit<SyncRequest, "format">): SyncRequest {
  return { format: SYNC_FORMAT, ...fields };
}

export type ParsedSyncRequest = { ok: true; request: SyncRequest } | { ok: false; problem: Problem };

/**
 * Checks a request body (already read, and within MAX_SYNC_REQUEST_BYTES). Never throws;
 * every failure is a problem whose detail names the field.
 */
export function parseSyncRequest(text: string): ParsedSyncRequest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { ...SYNC_PROBLEMS.invalidJson, detail: "The body could not be parsed as JSON." } };
  }
  const format = z.object({ format: z.unknown() }).safeParse(json);
  if (format.success && format.data.format !== SYNC_FORMAT && typeof format.data.format === "number") {
    return {
      ok: false,
      problem: {
        ...SYNC_PROBLEMS.formatUnsupported,
        detail: `The request is in format ${format.data.format}; this server syncs format ${SYNC_FORMAT}. Reload the page to get the current version of Quorum.`,
      },
    };
  }
  const parsed = syncRequestSchema.safeParse(json);
  if (parsed.success) return { ok: true, request: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join(".") : "body";
  return { ok: false, problem: { ...SYNC_PROBLEMS.invalidRequest, detail: `${where}: ${issue?.message}` } };
}

export function tooLargeProblem(): Problem {
  return {
    ...SYNC_PROBLEMS.tooLarge,
    detail: `A sync request may carry at most ${MAX_SYNC_REQUEST_BYTES} bytes; split the facts over several requests.`,
  };
}

