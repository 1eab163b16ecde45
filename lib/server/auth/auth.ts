import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { organization } from "better-auth/plugins";
import { authorize } from "../authorize";
import { getDatabase } from "../db/client";
import { accounts, invitations, members, organizations, sessions, users, verifications } from "../db/schema";
import type { Db } from "../db/types";
import { getEnv, type Env } from "../env";
import { consumeRateLimit, RATE_LIMITS, type RateLimitRule } from "../http/rate-limit";
import { log } from "../log";
import { loadActor } from "../teams/queries";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/account/rules";
import { ac, teamRoles } from "./roles";
import { clearSessionCacheForTests, forgetSessionToken } from "./session-cache";
import { resolveAuthSecret } from "./secret";

export const AUTH_BASE_PATH = "/api/v1/auth";
export const SESSION_COOKIE_PREFIX = "quorum";
/** A week: long enough to forward the link, short enough that a leaked one soon dies. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60;

const rule = (r: RateLimitRule) => ({ window: r.windowSeconds, max: r.max });

/**
 * The Better Auth instance: email and password, sessions in the database, the organization
 * plugin for teams (roles owner, lead, member), and its rate limiter counting in Quorum's
 * rate_limits table. Built once the database is open, because the secret may live there.
 */
export function createAuth(db: Db, secret: string, env: Env) {
  return betterAuth({
    appName: "Quorum",
    basePath: AUTH_BASE_PATH,
    // Unset: Better Auth takes the origin each request arrived at, so the origin check is a
    // same-origin check, and one build serves localhost, 127.0.0.1 and any port.
    baseURL: env.BETTER_AUTH_URL,
    secret,
    telemetry: { enabled: false },
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, organization: organizations, member: members, invitation: invitations },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: true,
    },
    session: {
      expiresIn: 30 * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
    },
    databaseHooks: {
      // Every way a session ends (sign-out, every device, a password change, expiry) passes here:
      // this process stops honouring it at once (session-cache.ts).
      session: { delete: { after: async (session) => forgetSessionToken(session.token) } },
    },
    rateLimit: {
      enabled: true,
      window: RATE_LIMITS.authDefault.windowSeconds,
      max: RATE_LIMITS.authDefault.max,
      customRules: {
        "/sign-in/email": rule(RATE_LIMITS.signInPerAddress),
        "/sign-up/email": rule(RATE_LIMITS.signUpPerAddress),
        "/change-password": rule(RATE_LIMITS.changePasswordPerAddress),
        // Read on every page view by the header: no write per view.
        "/get-session": false,
      },
      customStorage: {
        consume: async (key, { window, max }) => {
          const decision = await consumeRateLimit(db, `better-auth:${key}`, { windowSeconds: window, max });
          return decision.allowed ? { allowed: true, retryAfter: null } : { allowed: false, retryAfter: decision.retryAfterSeconds };
        },
      },
    },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      // HttpOnly and SameSite=Lax always (Better Auth's defaults); Secure when served over https.
      useSecureCookies: env.BETTER_AUTH_URL?.startsWith("https://") ?? false,
    },
    logger: {
      log: (level, message, ...args) => {
        // Quorum leaves baseURL unset on purpose (see above); no need to warn at every start.
        if (message.includes("Base URL is not set")) return;
        log(level, `better-auth: ${message}`, args.length ? { args } : {});
      },
    },
    plugins: [
      organization({
        ac,
        roles: teamRoles,
        creatorRole: "owner",
        allowUserToCreateOrganization: async (user) => authorize(await loadActor(db, user.id), { kind: "team.create" }).allowed,
        invitationExpiresIn: INVITATION_TTL_SECONDS,
        // Inviting the same address again replaces the pending invitation (and its link).
        cancelPendingInvitationsOnReInvite: true,
        // Invitation ids are Better Auth's random 32-character ids: the link itself is the secret.
        requireEmailVerificationOnInvitation: false,
        membershipLimit: 1000,
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const KEY = Symbol.for("quorum.auth");
type Slot = { auth?: Promise<Auth> };
const slot = ((globalThis as { [KEY]?: Slot })[KEY] ??= {});

/** The process's Better Auth instance, made on first use (after the database opens). */
export function getAuth(): Promise<Auth> {
  slot.auth ??= (async () => {
    const env = getEnv();
    const { db } = await getDatabase();
    const { secret, source } = await resolveAuthSecret(db, env);
    log("info", "auth ready", {
      signingKey: source === "environment" ? "from BETTER_AUTH_SECRET" : "generated once, kept in the database",
      baseURL: env.BETTER_AUTH_URL ?? "(each request's own origin)",
    });
    return createAuth(db, secret, env);
  })().catch((error: unknown) => {
    slot.auth = undefined;
    throw error;
  });
  return slot.auth;
}

/** Forgets the instance (tests that reopen the database). */
export function resetAuthForTests(): void {
  slot.auth = undefined;
  clearSessionCacheForTests();
}
