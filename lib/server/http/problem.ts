import "server-only";
import { jsonText } from "./json-response";

/**
 * RFC 9457 problem details: every error the API answers, whatever produced it. `type` names the
 * kind of problem (a URN: it identifies, it is not a page to fetch), `title` is the same for
 * every instance of that kind, `detail` says what happened this time.
 */
export const PROBLEM_TYPES = {
  "malformed-request": { status: 400, title: "The request could not be read" },
  "validation-failed": { status: 400, title: "The request has invalid fields" },
  unauthenticated: { status: 401, title: "Sign in required" },
  forbidden: { status: 403, title: "Not allowed" },
  "cross-origin": { status: 403, title: "Cross-origin request refused" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict with the current state" },
  "track-incomplete": { status: 409, title: "The track is not complete" },
  "setup-required": { status: 409, title: "This Quorum is not set up yet" },
  "already-set-up": { status: 409, title: "This Quorum is already set up" },
  "payload-too-large": { status: 413, title: "The request body is too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Something went wrong on our side" },
  unavailable: { status: 503, title: "Service unavailable" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemTypeUri(type: ProblemType | string): string {
  return `urn:quorum:problem:${type}`;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

/** Thrown anywhere below a route handler; the route wrapper turns it into the answer. */
export class ProblemError extends Error {
  constructor(
    readonly type: ProblemType,
    readonly detail: string,
    readonly options: { status?: number; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = "ProblemError";
  }

  get status(): number {
    return this.options.status ?? PROBLEM_TYPES[this.type].status;
  }
}

export function problemBody(
  type: ProblemType,
  detail: string,
  extensions: Record<string, unknown> = {},
  status: number = PROBLEM_TYPES[type].status,
): ProblemBody {
  return { ...extensions, type: problemTypeUri(type), title: PROBLEM_TYPES[type].title, status, detail };
}

export function problemResponse(
  type: ProblemType,
  detail: string,
  init: { status?: number; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
): Response {
  const body = problemBody(type, detail, init.extensions, init.status);
  return jsonText(JSON.stringify(body), { status: body.status, headers: { "cache-control": "no-store", ...init.headers } }, PROBLEM_CONTENT_TYPE);
}

export function responseForProblem(error: ProblemError, extensions: Record<string, unknown> = {}): Response {
  return problemResponse(error.type, error.detail, {
    status: error.status,
    headers: error.options.headers,
    extensions: { ...error.options.extensions, ...extensions },
  });
}

/** The problem type that best names a bare HTTP status (for answers produced by a library). */
export function problemTypeForStatus(status: number): ProblemType {
  switch (status) {
    case 400:
      return "malformed-request";
    case 401:
      return "unauthenticated";
    case 403:
      return "forbidden";
    case 404:
      return "not-found";
    case 405:
      return "method-not-allowed";
    case 409:
      return "conflict";
    case 413:
      return "payload-too-large";
    case 415:
      return "unsupported-media-type";
    case 422:
      return "validation-failed";
    case 429:
      return "rate-limited";
    case 503:
      return "unavailable";
    default:
      return status >= 500 ? "internal" : "malformed-request";
  }
}
