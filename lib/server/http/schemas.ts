import * as z from "zod";
import { MAX_EMAIL_LENGTH, MAX_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/account/rules";
import { canonicalTimeZone } from "@/lib/tracks/calendar";
import { TEAM_ROLES } from "../auth/roles";

/** Request shapes shared by route handlers (and their tests). */

/** Better Auth's ids: 32 random letters and digits. Anything else cannot name a row. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const emailSchema = z
  .string({ error: "Enter an email address like name@example.com." })
  .trim()
  .toLowerCase()
  .max(MAX_EMAIL_LENGTH)
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));
export const nameSchema = z.string().trim().min(1, "Enter a name.").max(MAX_NAME_LENGTH, `Use at most ${MAX_NAME_LENGTH} characters.`);
export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
export const roleSchema = z.enum(TEAM_ROLES, { error: "Choose owner, lead or member." });

export const setupBody = z.object({ name: nameSchema, email: emailSchema, password: newPasswordSchema });
/** An IANA time zone name, answered in its canonical spelling ("europe/berlin" → "Europe/Berlin"). */
export const timeZoneSchema = z.string({ error: "Choose a time zone." }).transform((name, ctx) => {
  const zone = canonicalTimeZone(name.trim());
  if (zone) return zone;
  ctx.addIssue({ code: "custom", message: "Choose a time zone from the list (an IANA name such as Europe/Berlin)." });
  return z.NEVER;
});
/** `timeZone`: the creator's browser's zone; UTC when the client sends none. */
export const createTeamBody = z.object({ name: nameSchema, timeZone: timeZoneSchema.optional() });
export const teamSettingsBody = z.strictObject({ timeZone: timeZoneSchema });
export const inviteBody = z.object({ email: emailSchema, role: roleSchema.default("member") });
export const changeRoleBody = z.object({ role: roleSchema });
export const deleteAccountBody = z.object({ password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH) });
