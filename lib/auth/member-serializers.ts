import type { Role } from "./access";

export type MemberDto = {
  userId: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: string;
  lastSignInAt: string | null;
};

export type InviteStatus = "pending" | "expired";

export type InviteDto = {
  id: string;
  email: string;
  role: Role;
  status: InviteStatus;
  /** Email of the member who made it; null when an API key made it or the member is gone. */
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
};

/** What the invite page shows about a link before anyone accepts it. */
export type InviteLookup = {
  email: string;
  role: Role;
  projectName: string;
  /** Whether the invited email already has an account: sign in to join, or set a password. */
  accountExists: boolean;
};
