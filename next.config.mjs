/** Security headers for every response. Lesson pages are static, so they cannot carry a CSP
 * nonce: script-src needs 'unsafe-inline' for Next's inline bootstrap and the theme script.
 * MDX is evaluated on the server at build time, so production needs no 'unsafe-eval';
 * `next dev` does (React's dev tooling), so only dev gets it. */
const isDev = process.env.NODE_ENV !== "production";

const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * A session that began before the signed-in hint existed has its cookie and no hint, so the
 * header would show "Sign in" forever (it asks who is signed in only when the hint is there).
 * Any page request that carries a session cookie without the hint gets the hint back: Next
 * matches these conditions itself, so static pages stay static and nothing else runs. A
 * browser-session cookie (no Max-Age), since the next page view sets it again while the session
 * cookie lasts. /api is left out: its answers set and clear the hint themselves
 * (lib/server/auth/signed-in-hint.ts), and /api/v1/session clears a dead session's cookie.
 */
const restoreSignedInHint = ["", "__Secure-"].map((prefix) => ({
  source: "/:path((?!api/|_next/).*)",
  has: [{ type: "cookie", key: `${prefix}quorum.session_token` }],
  missing: [{ type: "cookie", key: "quorum-signed-in" }],
  headers: [{ key: "Set-Cookie", value: `quorum-signed-in=1; Path=/; SameSite=Lax${prefix ? "; Secure" : ""}` }],
}));

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      ...restoreSignedInHint,
    ];
  },
};

export default nextConfig;
