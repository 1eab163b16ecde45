import type { RoleName } from "./roles";

/** What the team page passes to its client parts (dates as ISO strings). */
export interface MemberRow {
  memberId: string;
  name: string;
  email: string;
  role: RoleName;
  isMe: boolean;
  /** The roles the viewer may give this person (their current one included); one entry: no choice. */
  roleChoices: RoleName[];
  canRemove: boolean;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: RoleName;
  expiresAt: string;
  invitedBy: string;
}
