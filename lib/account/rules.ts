/**
 * The rules an account's fields follow, in one place for the server's schemas and the forms'
 * messages (pure: no zod, so the forms stay small).
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
export const MAX_NAME_LENGTH = 80;
export const MAX_EMAIL_LENGTH = 254;

export type FieldErrors = Record<string, string>;

export function nameError(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return "Enter a name.";
  if (trimmed.length > MAX_NAME_LENGTH) return `Use at most ${MAX_NAME_LENGTH} characters.`;
  return null;
}

/** A sanity check only (something@something.tld); the server decides. */
export function emailError(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return "Enter your email address.";
  if (trimmed.length > MAX_EMAIL_LENGTH || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return "Enter an email address like name@example.com.";
  return null;
}

export function newPasswordError(value: string): string | null {
  if (value.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (value.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}

export function requiredError(value: string, message: string): string | null {
  return value ? null : message;
}

/** Collects the messages of the fields that have one. */
export function collectErrors(checks: Record<string, string | null>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(checks)) if (message) errors[field] = message;
  return errors;
}

/** A `next` parameter is followed only to a path on this site ("/x", never "//evil" or "https://..."). */
export function safeNext(next: string | null | undefined, fallback = "/account"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  return next;
}
