import "server-only";
import type * as z from "zod";
import { mirrorSignedInHint } from "../auth/signed-in-hint";
import { isDatabaseUnavailable } from "../db/errors";
import { log, logs } from "../log";
import { assertSameOrigin } from "./origin";
import { jsonText } from "./json-response";
import { PROBLEM_CONTENT_TYPE, problemResponse, ProblemError, responseForProblem } from "./problem";
import { REQUEST_ID_HEADER, requestIdFor } from "./request-id";

/** What a handler learns about its request beyond the Request itself. */
export interface RequestContext {
  requestId: string;
  /** The dynamic path segments, unparsed: handlers validate them (see parseParams). */
  params: Record<string, unknown>;
  /** Record who made the request, for the request's log line. */
  setUserId(id: string): void;
  /** Add a field to the request's log line (a count, never a secret). */
  setLogField(name: string, value: string | number | boolean): void;
}

export type Handler = (req: Request, ctx: RequestContext) => Promise<Response>;

/** The shape Next.js passes as a route handler's second argument. */
export interface NextSegment {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/** Path segments after these hold secrets (invitation tokens, certificate ids): they never reach a log line. */
const SECRET_SEGMENT_AFTER = new Set(["invitations", "invite", "certificates"]);

export function pathForLog(pathname: string): string {
  const parts = pathname.split("/");
  return parts.map((part, i) => (i > 0 && SECRET_SEGMENT_AFTER.has(parts[i - 1]!) && part ? ":token" : part)).join("/");
}

/**
 * The client's address, for per-address rate limits: the last X-Forwarded-For entry, which is
 * the one the nearest proxy appended (nginx's $proxy_add_x_forwarded_for, load balancers),
 * since anything before it is whatever the client chose to send. Without a proxy, Next sets
 * the header to the socket's address when the request has none.
 */
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}

/** Turns anything thrown below a handler into a problem answer (and logs what was not expected). */
export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof ProblemError) return responseForProblem(error, { requestId });
  if (isDatabaseUnavailable(error)) {
    log("warn", "database unavailable", { requestId, error });
    return problemResponse("unavailable", "The database is not available right now; try again shortly.", {
      headers: { "retry-after": "5" },
      extensions: { requestId },
    });
  }
  log("error", "unhandled error", { requestId, error });
  return problemResponse("internal", "The server failed to answer. The request id identifies it in the logs.", {
    extensions: { requestId },
  });
}

/** Adds the request id to a response (Response headers can be immutable: copy when needed). */
export function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
}

export function logRequest(fields: { requestId: string; method: string; path: string; status: number; started: number; userId?: string; [extra: string]: unknown }) {
  const { started, ...rest } = fields;
  log("info", "request", { ...rest, durationMs: Math.round(performance.now() - started) });
}

/**
 * Wraps a route handler with the API's conventions: a request id (echoed or made), the
 * same-origin check on state-changing methods, problem answers for every error, no caching,
 * and one JSON log line per request.
 */
export function route(handler: Handler) {
  return async (req: Request, segment?: NextSegment): Promise<Response> => {
    const started = performance.now();
    const requestId = requestIdFor(req);
    let userId: string | undefined;
    const extra: Record<string, string | number | boolean> = {};
    let response: Response;
    try {
      assertSameOrigin(req);
      const params = segment ? await segment.params : {};
      response = await handler(req, {
        requestId,
        params,
        setUserId: (id) => (userId = id),
        setLogField: (name, value) => (extra[name] = value),
      });
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    response = mirrorSignedInHint(withRequestId(response, requestId));
    if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
    if (logs("info")) logRequest({ ...extra, requestId, method: req.method, path: pathForLog(new URL(req.url).pathname), status: response.status, started, userId });
    return response;
  };
}

/** Validates path segments; an id of the wrong shape is simply not found. */
export function parseParams<S extends z.ZodType>(params: Record<string, unknown>, schema: S): z.output<S> {
  const result = schema.safeParse(params);
  if (!result.success) throw new ProblemError("not-found", "Nothing exists at this address.");
  return result.data;
}

/** A JSON answer. */
export function json(data: unknown, init: ResponseInit = {}): Response {
  return jsonText(JSON.stringify(data), init);
}

export { PROBLEM_CONTENT_TYPE };
