import "server-only";
import type { Decision } from "../authorize";
import { ProblemError } from "./problem";

/** Throws the problem that matches a refusal from authorize(); returns when allowed. */
export function assertAllowed(decision: Decision): void {
  if (decision.allowed) return;
  const type = decision.status === 404 ? "not-found" : decision.status === 409 ? "conflict" : "forbidden";
  throw new ProblemError(type, decision.reason);
}
