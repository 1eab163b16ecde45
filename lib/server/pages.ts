import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "./auth/session";
import { getDb } from "./db/client";
import { isSetUp } from "./instance/admin";

/** For the account and team pages (server components): who is signed in, and where to send them. */

export async function currentUser(): Promise<SessionUser | null> {
  return getSessionUser(await headers());
}

/** The signed-in user, or a redirect to sign in that comes back to `returnTo`. */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
  return user;
}

export async function instanceIsSetUp(): Promise<boolean> {
  return isSetUp(await getDb());
}
