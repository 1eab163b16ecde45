/**
 * lib/server/authorize.ts as a table: who (an actor with roles), what (the action and its object),
 * and the answer. Every row is a rule from DESIGN.md "Roles" or a refusal the API relies on.
 */
import { describe, expect, test } from "vitest";
import type { TeamRole } from "@/lib/server/auth/roles";
import { type Action, type Actor, authorize, teamsWhereVisible } from "@/lib/server/authorize";

const T = "team-a";
const OTHER = "team-b";

function actor(roles: Record<string, TeamRole> = {}, isAdmin = false, userId = "me"): Actor {
  return { userId, isAdmin, roles: new Map(Object.entries(roles)) };
}
const admin = actor({}, true);
const nobody = actor();
const owner = actor({ [T]: "owner" });
const lead = actor({ [T]: "lead" });
const member = actor({ [T]: "member" });
const leadElsewhere = actor({ [OTHER]: "lead" });
const memberElsewhere = actor({ [OTHER]: "member" });

const target = (role: TeamRole, userId = "them") => ({ userId, role });

type Row = [string, Actor, Action, "allow" | 403 | 404 | 409];

const rows: Row[] = [
  // Creating a team
  ["the admin creates a team", admin, { kind: "team.create" }, "allow"],
  ["a lead (of any team) creates a team", leadElsewhere, { kind: "team.create" }, "allow"],
  ["an owner creates a team", owner, { kind: "team.create" }, "allow"],
  ["a plain member cannot create a team", memberElsewhere, { kind: "team.create" }, 403],
  ["someone in no team cannot create one", nobody, { kind: "team.create" }, 403],

  // Seeing a team
  ["a member sees their team", member, { kind: "team.view", teamId: T }, "allow"],
  ["an outsider does not (it does not exist for them)", memberElsewhere, { kind: "team.view", teamId: T }, 404],
  ["the admin does not see teams they are not in", admin, { kind: "team.view", teamId: T }, 404],
  ["a lead manages", lead, { kind: "team.manage", teamId: T }, "allow"],
  ["an owner manages", owner, { kind: "team.manage", teamId: T }, "allow"],
  ["a plain member does not manage", member, { kind: "team.manage", teamId: T }, 403],
  ["a lead of another team does not manage this one", leadElsewhere, { kind: "team.manage", teamId: T }, 404],

  // Invitations
  ["a lead invites a member", lead, { kind: "invitation.create", teamId: T, role: "member" }, "allow"],
  ["a lead invites a lead", lead, { kind: "invitation.create", teamId: T, role: "lead" }, "allow"],
  ["a lead cannot invite an owner", lead, { kind: "invitation.create", teamId: T, role: "owner" }, 403],
  ["an owner invites an owner", owner, { kind: "invitation.create", teamId: T, role: "owner" }, "allow"],
  ["a plain member cannot invite", member, { kind: "invitation.create", teamId: T, role: "member" }, 403],
  ["an outsider cannot invite", leadElsewhere, { kind: "invitation.create", teamId: T, role: "member" }, 404],
  ["a lead revokes", lead, { kind: "invitation.revoke", teamId: T }, "allow"],
  ["a plain member cannot revoke", member, { kind: "invitation.revoke", teamId: T }, 403],
  ["an outsider cannot revoke", memberElsewhere, { kind: "invitation.revoke", teamId: T }, 404],

  // Roles
  ["a lead makes a member a lead", lead, { kind: "member.changeRole", teamId: T, target: target("member"), newRole: "lead", ownerCount: 1 }, "allow"],
  ["a lead makes a lead a member", lead, { kind: "member.changeRole", teamId: T, target: target("lead"), newRole: "member", ownerCount: 1 }, "allow"],
  ["a lead cannot make an owner", lead, { kind: "member.changeRole", teamId: T, target: target("member"), newRole: "owner", ownerCount: 1 }, 403],
  ["a lead cannot demote an owner", lead, { kind: "member.changeRole", teamId: T, target: target("owner"), newRole: "member", ownerCount: 2 }, 403],
  ["an owner makes an owner", owner, { kind: "member.changeRole", teamId: T, target: target("lead"), newRole: "owner", ownerCount: 1 }, "allow"],
  ["an owner demotes another owner", owner, { kind: "member.changeRole", teamId: T, target: target("owner"), newRole: "lead", ownerCount: 2 }, "allow"],
  ["the last owner cannot be demoted", owner, { kind: "member.changeRole", teamId: T, target: target("owner", "me"), newRole: "lead", ownerCount: 1 }, 409],
  ["a plain member cannot change roles, even their own", member, { kind: "member.changeRole", teamId: T, target: target("member", "me"), newRole: "lead", ownerCount: 1 }, 403],
  ["an outsider cannot change roles", leadElsewhere, { kind: "member.changeRole", teamId: T, target: target("member"), newRole: "lead", ownerCount: 1 }, 404],

  // Removing and leaving
  ["a lead removes a member", lead, { kind: "member.remove", teamId: T, target: target("member"), ownerCount: 1 }, "allow"],
  ["a lead removes a lead", lead, { kind: "member.remove", teamId: T, target: target("lead"), ownerCount: 1 }, "allow"],
  ["a lead cannot remove an owner", lead, { kind: "member.remove", teamId: T, target: target("owner"), ownerCount: 2 }, 403],
  ["an owner removes another owner", owner, { kind: "member.remove", teamId: T, target: target("owner"), ownerCount: 2 }, "allow"],
  ["a plain member cannot remove anyone", member, { kind: "member.remove", teamId: T, target: target("member"), ownerCount: 1 }, 403],
  ["a plain member removing themselves is leaving", member, { kind: "member.remove", teamId: T, target: target("member", "me"), ownerCount: 1 }, "allow"],
  ["anyone may leave", lead, { kind: "team.leave", teamId: T, ownerCount: 1 }, "allow"],
  ["an owner may leave when another owner stays", owner, { kind: "team.leave", teamId: T, ownerCount: 2 }, "allow"],
  ["the only owner may not leave", owner, { kind: "team.leave", teamId: T, ownerCount: 1 }, 409],
  ["one cannot leave a team one is not in", member, { kind: "team.leave", teamId: OTHER, ownerCount: 1 }, 404],

  // Account
  ["anyone deletes their own account", member, { kind: "account.delete", otherUsers: 5 }, "allow"],
  ["the admin cannot while others have accounts", admin, { kind: "account.delete", otherUsers: 1 }, 409],
  ["the admin can when alone", admin, { kind: "account.delete", otherUsers: 0 }, "allow"],

  // Progress: a lead sees the members of the teams they lead; a member sees their own; nobody else anything.
  // Team tracks
  ["a lead manages the team's tracks", lead, { kind: "track.manage", teamId: T }, "allow"],
  ["an owner manages the team's tracks", owner, { kind: "track.manage", teamId: T }, "allow"],
  ["a plain member does not manage tracks", member, { kind: "track.manage", teamId: T }, 403],
  ["a lead of another team does not see this team's tracks", leadElsewhere, { kind: "track.manage", teamId: T }, 404],
  ["the admin does not see the tracks of a team they are not in", admin, { kind: "track.manage", teamId: T }, 404],
  ["a lead edits a draft of their team", lead, { kind: "track.edit", teamId: T, trackTeamId: T, status: "draft" }, "allow"],
  ["a lead edits a published track of their team", lead, { kind: "track.edit", teamId: T, trackTeamId: T, status: "published" }, "allow"],
  ["an archived track is not edited or assigned", lead, { kind: "track.edit", teamId: T, trackTeamId: T, status: "archived" }, 409],
  ["another team's track through this team's address is not found", owner, { kind: "track.edit", teamId: T, trackTeamId: OTHER, status: "draft" }, 404],
  ["a plain member cannot edit a track", member, { kind: "track.edit", teamId: T, trackTeamId: T, status: "draft" }, 403],
  ["a learner reads a published track assigned to them", member, { kind: "track.read", assigned: true, status: "published" }, "allow"],
  ["a learner does not read a draft assigned to them", member, { kind: "track.read", assigned: true, status: "draft" }, 404],
  ["a learner does not read an archived track", member, { kind: "track.read", assigned: true, status: "archived" }, 404],
  ["a learner does not read a track not assigned to them", member, { kind: "track.read", assigned: false, status: "published" }, 404],

  ["everyone sees their own progress", member, { kind: "progress.view", subjectUserId: "me", subjectTeams: new Map() }, "allow"],
  ["a lead sees a member of their team", lead, { kind: "progress.view", subjectUserId: "them", subjectTeams: new Map([[T, "member"]]) }, "allow"],
  ["an owner sees a member of their team", owner, { kind: "progress.view", subjectUserId: "them", subjectTeams: new Map([[T, "member"]]) }, "allow"],
  ["a plain member does not see a teammate", member, { kind: "progress.view", subjectUserId: "them", subjectTeams: new Map([[T, "member"]]) }, 404],
  ["a lead does not see someone of another team", lead, { kind: "progress.view", subjectUserId: "them", subjectTeams: new Map([[OTHER, "member"]]) }, 404],
  ["the admin does not see anyone's progress", admin, { kind: "progress.view", subjectUserId: "them", subjectTeams: new Map([[T, "member"]]) }, 404],

  // The lead's dashboard
  ["a lead sees the team's dashboard", lead, { kind: "team.dashboard", teamId: T }, "allow"],
  ["an owner sees the team's dashboard", owner, { kind: "team.dashboard", teamId: T }, "allow"],
  ["a plain member does not", member, { kind: "team.dashboard", teamId: T }, 403],
  ["a lead of another team does not (the team does not exist for them)", leadElsewhere, { kind: "team.dashboard", teamId: T }, 404],
  ["the admin does not see a team's dashboard they are not in", admin, { kind: "team.dashboard", teamId: T }, 404],
];

describe("authorize", () => {
  test.each(rows)("%s", (_name, who, action, expected) => {
    const decision = authorize(who, action);
    if (expected === "allow") {
      expect(decision.allowed).toBe(true);
    } else {
      expect(decision).toEqual({ allowed: false, status: expected, reason: expect.any(String) });
      if (!decision.allowed) expect(decision.reason.length).toBeGreaterThan(10);
    }
  });
});

describe("teamsWhereVisible (what a member is shown their leads can see)", () => {
  test("the teams the viewer leads or owns among the subject's teams, and no others", () => {
    const viewer = actor({ a: "lead", b: "member", c: "owner" });
    const subject = new Map<string, TeamRole>([
      ["a", "member"],
      ["b", "member"],
      ["c", "lead"],
      ["d", "member"],
    ]);
    expect(teamsWhereVisible(viewer, subject)).toEqual(["a", "c"]);
    expect(teamsWhereVisible(actor(), subject)).toEqual([]);
  });
});
