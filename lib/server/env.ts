import "server-only";
import path from "node:path";
import * as z from "zod";

/**
 * The server's environment, validated once. Everything is optional: with nothing set, Quorum
 * keeps its data in an embedded PostgreSQL (PGlite) under ./data and generates its own
 * auth secret on first start (kept in the database).
 */
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

export const envSchema = z.object({
  /** A PostgreSQL server (postgres://user:pass@host:5432/db). Unset: the embedded PGlite. */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
  ),
  /** Where PGlite keeps its files when DATABASE_URL is unset. */
  QUORUM_DATA_DIR: optionalText.pipe(z.string().default("./data")),
  /** Upper bound for one database call, in milliseconds. */
  QUORUM_DB_TIMEOUT_MS: optionalText.pipe(
    z
      .string()
      .regex(/^\d+$/, "must be a whole number of milliseconds")
      .default("5000")
      .transform(Number)
      .pipe(z.number().min(100).max(120_000)),
  ),
  /** Signs session cookies. Unset: generated on first start and kept in the database. */
  BETTER_AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  /** The public URL (https://quorum.example.com). Sets the trusted origin and, over https, Secure cookies. */
  BETTER_AUTH_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional()),
  /** smtp://user:pass@host:587 (or smtps://). Unset: invitations are shared by link only. */
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional()),
  /** The From address of invitation emails. */
  SMTP_FROM: optionalText.pipe(z.string().default("Quorum <quorum@localhost>")),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment: ${problems.join("; ")}`);
    this.name = "EnvError";
  }
}

/** Validates an environment (pure: takes the variables, returns typed settings or throws EnvError). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join(".") || "env"} ${issue.message}`));
  }
  return result.data;
}

const ENV_NAMES = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
let parsed: { key: string; env: Env } | null = null;

/**
 * The process's environment, parsed when asked (never at import, so a build needs none of it),
 * and again only when one of its variables changed (tests change them between calls). Every
 * state-changing request asks (the origin check): parsing each time cost about 0.1 ms of CPU.
 */
export function getEnv(): Env {
  const key = ENV_NAMES.map((name) => process.env[name] ?? "\u0000unset").join("\u0000");
  if (parsed?.key !== key) parsed = { key, env: parseEnv(process.env) };
  return parsed.env;
}

/** The absolute PGlite data directory. */
export function dataDirectory(env: Env): string {
  // The data directory is chosen at run time; nothing in it belongs in the build.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env.QUORUM_DATA_DIR);
}
