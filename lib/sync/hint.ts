/** The signed-in hint (see session.ts): read by the header on every page, so it is tiny. */
export const SIGNED_IN_COOKIE = "quorum-signed-in";

export function hasSignedInHint(cookies: string): boolean {
  return cookies.split(";").some((part) => part.trim().startsWith(`${SIGNED_IN_COOKIE}=`));
}
