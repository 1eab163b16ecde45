import "server-only";
import { getEnv } from "../env";
import { ProblemError } from "./problem";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The origin the browser used to reach this server: the request's scheme with its Host header.
 * `next start` builds request.url from its own hostname setting (localhost), not from Host, so a
 * visitor on 127.0.0.1 or a LAN address would otherwise look cross-origin to every check.
 * A browser cannot forge Host for another site, so this is what the same-origin rule needs.
 */
export function requestOrigin(req: Request): string {
  const url = new URL(req.url);
  const host = req.headers.get("host");
  return host && HOST.test(host) ? `${url.protocol}//${host}` : url.origin;
}

/** The same request, addressed to the origin the browser used (for libraries that read request.url). */
export function withBrowserOrigin(req: Request, body: BodyInit | null): Request {
  const url = new URL(req.url);
  const target = new URL(url.pathname + url.search, requestOrigin(req));
  return new Request(target, { method: req.method, headers: req.headers, body });
}

/** The origins this server answers for: its own (as the browser reached it) and BETTER_AUTH_URL's. */
export function trustedOrigins(req: Request): string[] {
  const origins = [requestOrigin(req)];
  const configured = getEnv().BETTER_AUTH_URL;
  if (configured) origins.push(new URL(configured).origin);
  return origins;
}

/**
 * Refuses a state-changing request from another origin: the browser says where it comes from
 * (Origin, else Referer, and Sec-Fetch-Site). Without a cookie there are no ambient credentials
 * to abuse, so a request without those headers (curl, a server) passes; with a cookie it must
 * prove it is same-origin. This mirrors the check Better Auth applies to its own routes.
 */
export function assertSameOrigin(req: Request): void {
  if (SAFE_METHODS.has(req.method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site") throw crossOrigin();
  const origin = req.headers.get("origin");
  const referer = req.headers.get("referer");
  let claimed: string | null = null;
  if (origin && origin !== "null") claimed = origin;
  else if (referer) {
    try {
      claimed = new URL(referer).origin;
    } catch {
      throw crossOrigin();
    }
  } else if (origin === "null") throw crossOrigin();
  if (claimed === null) {
    if (req.headers.has("cookie")) throw crossOrigin();
    return;
  }
  if (!trustedOrigins(req).includes(claimed)) throw crossOrigin();
}

function crossOrigin(): ProblemError {
  return new ProblemError("cross-origin", "State-changing requests must come from this site's own pages.");
}
