/**
 * Team roles as Better Auth access-control roles: the organization plugin enforces them in its
 * own checks, and lib/server/authorize.ts reads the same statements, so there is one table of
 * who may do what. Pure: no database, no secrets.
 */
import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements } from "better-auth/plugins/organization/access";

export const TEAM_ROLES = ["owner", "lead", "member"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export function isTeamRole(value: string): value is TeamRole {
  return (TEAM_ROLES as readonly string[]).includes(value);
}

/** The plugin's own statements, plus reading team members' progress and managing team tracks. */
export const statements = { ...defaultStatements, progress: ["read"], track: ["manage"] } as const;

export const ac = createAccessControl(statements);

export const teamRoles = {
  /** Runs the team: everything a lead does, plus renaming or deleting it and handing out ownership. */
  owner: ac.newRole({
    organization: ["update", "delete"],
    member: ["create", "update", "delete"],
    invitation: ["create", "cancel"],
    progress: ["read"],
    track: ["manage"],
  }),
  /** Invites and manages members and leads, builds and assigns team tracks, and follows the members' progress. */
  lead: ac.newRole({
    member: ["create", "update", "delete"],
    invitation: ["create", "cancel"],
    progress: ["read"],
    track: ["manage"],
  }),
  /** Learns; sees the team and its leads. */
  member: ac.newRole({}),
} satisfies Record<TeamRole, unknown>;

type Statements = typeof statements;
export type Permission = { [K in keyof Statements]?: Statements[K][number][] };

export function roleAllows(role: TeamRole, permission: Permission): boolean {
  return teamRoles[role].authorize(permission).success;
}

/** Roles are stored as text (the plugin allows lists); anything unknown counts as no role. */
export function parseTeamRole(stored: string | null | undefined): TeamRole | null {
  const roles = (stored ?? "").split(",").map((r) => r.trim());
  for (const role of TEAM_ROLES) if (roles.includes(role)) return role;
  return null;
}
