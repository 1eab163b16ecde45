import "server-only";
import * as z from "zod";
import { getDb } from "../db/client";
import { DEFAULT_BODY_LIMIT, readBodyBytes } from "../http/body";
import { assertSameOrigin, withBrowserOrigin } from "../http/origin";
import { problemResponse, problemTypeForStatus, ProblemError } from "../http/problem";
import { enforceRateLimit, RATE_LIMITS } from "../http/rate-limit";
import { requestIdFor } from "../http/request-id";
import { errorResponse, logRequest, pathForLog, withRequestId } from "../http/route";
import { isSetUp } from "../instance/admin";
import { AUTH_BASE_PATH, getAuth } from "./auth";
import { mirrorSignedInHint } from "./signed-in-hint";

/**
 * The Better Auth routes Quorum's pages use, and nothing else: every other path under
 * /api/v1/auth (the plugin's organization routes, email change, account linking...) answers 404,
 * so the API has one door per action. Teams are managed through /api/v1/teams, which authorizes
 * with lib/server/authorize.ts and then calls the plugin on the server.
 */
const ALLOWED_ROUTES: Record<string, "GET" | "POST"> = {
  "/sign-up/email": "POST",
  "/sign-in/email": "POST",
  "/sign-out": "POST",
  "/get-session": "GET",
  "/change-password": "POST",
  "/revoke-sessions": "POST",
};

const emailInBody = z.object({ email: z.string().trim().toLowerCase() });

/**
 * Better Auth's answers, made to follow the API's conventions: errors become problem details
 * (its 429 gains a standard Retry-After), everything gets a request id and a log line.
 */
export async function handleAuthRequest(req: Request): Promise<Response> {
  const started = performance.now();
  const requestId = requestIdFor(req);
  const url = new URL(req.url);
  const path = url.pathname.slice(AUTH_BASE_PATH.length) || "/";
  let userId: string | undefined;
  let response: Response;
  try {
    const method = ALLOWED_ROUTES[path];
    if (!method) throw new ProblemError("not-found", "There is no such auth endpoint.");
    if (req.method !== method) throw new ProblemError("method-not-allowed", `Use ${method} here.`, { headers: { allow: method } });
    assertSameOrigin(req);
    let forward = withBrowserOrigin(req, null);
    if (method === "POST") {
      if (!/^application\/json\b/i.test(req.headers.get("content-type") ?? "")) {
        throw new ProblemError("unsupported-media-type", "Send the body as application/json.");
      }
      const body = await readBodyBytes(req, DEFAULT_BODY_LIMIT);
      forward = withBrowserOrigin(req, body);
      await guardBeforeAuth(path, body);
    }
    const auth = await getAuth();
    response = await auth.handler(forward);
    if (response.status >= 400) response = await asProblem(response);
    else if (path === "/sign-in/email" || path === "/sign-up/email") userId = await userIdOf(response);
  } catch (error) {
    response = errorResponse(error, requestId);
  }
  response = mirrorSignedInHint(withRequestId(response, requestId));
  logRequest({ requestId, method: req.method, path: pathForLog(url.pathname), status: response.status, started, userId });
  return response;
}

/** Sign-up opens once setup made the admin; sign-in is limited per email as well as per address. */
async function guardBeforeAuth(path: string, body: Uint8Array): Promise<void> {
  if (path === "/sign-up/email") {
    if (!(await isSetUp(await getDb()))) {
      throw new ProblemError("setup-required", "This Quorum has no admin yet: the first account is made on the setup page.");
    }
  }
  if (path === "/sign-in/email") {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return; // Better Auth answers the malformed body
    }
    const email = emailInBody.safeParse(parsed);
    if (email.success) await enforceRateLimit(await getDb(), `sign-in:${email.data.email}`, RATE_LIMITS.signInPerEmail);
  }
}

async function userIdOf(response: Response): Promise<string | undefined> {
  try {
    const data: unknown = await response.clone().json();
    const parsed = z.object({ user: z.object({ id: z.string() }) }).safeParse(data);
    return parsed.success ? parsed.data.user.id : undefined;
  } catch {
    return undefined;
  }
}

const authErrorBody = z.object({ message: z.string().optional(), code: z.string().optional() });

async function asProblem(response: Response): Promise<Response> {
  const text = await response.text();
  let detail = response.statusText || "The request failed.";
  let code: string | undefined;
  try {
    const body = authErrorBody.safeParse(JSON.parse(text));
    if (body.success) {
      detail = body.data.message || detail;
      code = body.data.code;
    }
  } catch {
    if (text.trim()) detail = text.trim().slice(0, 200);
  }
  const headers: Record<string, string> = {};
  const retryAfter = response.headers.get("x-retry-after");
  if (response.status === 429 && retryAfter) headers["retry-after"] = retryAfter;
  const type = code === "VALIDATION_ERROR" ? "validation-failed" : problemTypeForStatus(response.status);
  const problem = problemResponse(type, detail, {
    status: response.status,
    headers,
    extensions: code ? { code } : {},
  });
  for (const cookie of response.headers.getSetCookie()) problem.headers.append("set-cookie", cookie);
  return problem;
}
