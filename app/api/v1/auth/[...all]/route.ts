import { handleAuthRequest } from "@/lib/server/auth/handler";

/** Better Auth's sign-up, sign-in, sign-out, session and password routes (an allow-list). */
export const dynamic = "force-dynamic";
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
