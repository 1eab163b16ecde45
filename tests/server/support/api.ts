/**
 * Calls route handlers the way Next.js does (a Request, and the dynamic segments as a promise)
 * without a server, and keeps the session cookie of each signed-in test user.
 */
import * as z from "zod";
import * as authRoute from "@/app/api/v1/auth/[...all]/route";
import * as setupRoute from "@/app/api/v1/setup/route";

export const ORIGIN = "http://localhost:3000";

type RouteHandler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface Session {
  cookie: string;
  userId: string;
  name: string;
  email: string;
  password: string;
  /** The client address this user's requests come from (rate limits are per address). */
  address: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

let addressCounter = 0;
/** A distinct client address, so one test's requests do not eat another's rate limit. */
export function freshAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

export interface CallOptions {
  method?: string;
  path: string;
  params?: Record<string, string>;
  /** JSON-encoded unless `raw` is given. */
  body?: unknown;
  raw?: BodyInit;
  session?: Session | { cookie: string; address?: string };
  headers?: Record<string, string>;
  /** The Origin header on state-changing requests: this site unless said otherwise; null for none. */
  origin?: string | null;
}

export async function call(handler: RouteHandler, options: CallOptions): Promise<Answer> {
  const method = options.method ?? (options.body !== undefined || options.raw !== undefined ? "POST" : "GET");
  const headers = new Headers(options.headers);
  if (options.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  if (options.session) {
    headers.set("cookie", options.session.cookie);
    if ("address" in options.session && options.session.address) headers.set("x-forwarded-for", options.session.address);
  }
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", freshAddress());
  const origin = options.origin === undefined ? ORIGIN : options.origin;
  if (method !== "GET" && method !== "HEAD" && origin !== null && !headers.has("origin")) headers.set("origin", origin);
  const req = new Request(new URL(options.path, ORIGIN), {
    method,
    headers,
    body: options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const response = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** The Cookie header a browser would send back after this answer. */
export function cookieFrom(answer: Answer): string {
  return answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}

export function userIdFrom(answer: Answer): string {
  const parsed = z.object({ user: z.object({ id: z.string() }) }).safeParse(answer.body);
  if (!parsed.success) throw new Error(`no user in answer ${answer.status}: ${answer.text}`);
  return parsed.data.user.id;
}

let userCounter = 0;
export const PASSWORD = "correct horse battery";

/** The first account, through the one-time setup. */
export async function setupAdmin(name = "Ada Admin"): Promise<Session> {
  userCounter += 1;
  const email = `admin${userCounter}@example.com`;
  const address = freshAddress();
  const answer = await call(setupRoute.POST, { path: "/api/v1/setup", body: { name, email, password: PASSWORD }, headers: { "x-forwarded-for": address } });
  if (answer.status !== 201) throw new Error(`setup failed ${answer.status}: ${answer.text}`);
  return { cookie: cookieFrom(answer), userId: userIdFrom(answer), name, email, password: PASSWORD, address };
}

/** A new account through Better Auth's sign-up route (setup must be done). */
export async function signUp(name: string): Promise<Session> {
  userCounter += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${userCounter}@example.com`;
  const address = freshAddress();
  const answer = await call(authRoute.POST, {
    path: "/api/v1/auth/sign-up/email",
    body: { name, email, password: PASSWORD },
    headers: { "x-forwarded-for": address },
  });
  if (answer.status !== 200) throw new Error(`sign-up failed ${answer.status}: ${answer.text}`);
  return { cookie: cookieFrom(answer), userId: userIdFrom(answer), name, email, password: PASSWORD, address };
}

export async function signIn(email: string, password: string, address = freshAddress()): Promise<Answer> {
  return call(authRoute.POST, { path: "/api/v1/auth/sign-in/email", body: { email, password }, headers: { "x-forwarded-for": address } });
}

const problemSchema = z.looseObject({ type: z.string().min(1), title: z.string().min(1), status: z.number(), detail: z.string().min(1) });

/** Asserts an RFC 9457 problem answer (content type, the four members, status matching) and returns its body. */
export function problemOf(answer: Answer): z.infer<typeof problemSchema> {
  const contentType = answer.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/problem+json")) throw new Error(`not a problem (${contentType}): ${answer.status} ${answer.text}`);
  const body = problemSchema.parse(answer.body);
  if (body.status !== answer.status) throw new Error(`problem status ${body.status} differs from HTTP ${answer.status}`);
  return body;
}
