import { db, type Tx } from "../db/client";
import { AppError, notFound } from "../errors";
import { parseRole } from "./access";
import { type LoginClient, logIn } from "./login";
import type { InviteDto, InviteLookup } from "./member-serializers";
import { type MemberActor, requireManager } from "./members";
import { hashPassword } from "./password";
import {
  type InviteCreateInput,
  type InviteSignInInput,
  type InviteSignUpInput,
  inviteCreateSchema,
  inviteSignInSchema,
  inviteSignUpSchema,
} from "./schemas";
import { createSession } from "./sessions";
import { generateToken, sha256Hex } from "./tokens";

export const INVITE_TTL_DAYS = 7;
const INVITE_TTL_MS = INVITE_TTL_DAYS * 24 * 60 * 60 * 1000;

/** The path of the page that accepts an invite; the token is the last segment. */
export function invitePath(token: string): string {
  return `/invite/${token}`;
}

function isTokenShaped(token: string): boolean {
  return /^[\w-]{20,100}$/.test(token);
}

type InviteRow = {
  id: string;
  projectId: string;
  email: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
  invitedBy: { email: string } | null;
};

function toInviteDto(row: InviteRow, now: Date): InviteDto {
  return {
    id: row.id,
    email: row.email,
    role: parseRole({ role: row.role, userId: `invite:${row.id}`, projectId: row.projectId }),
    status: row.expiresAt.getTime() > now.getTime() ? "pending" : "expired",
    invitedBy: row.invitedBy?.email ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

const INVITE_SELECT = {
  id: true,
  projectId: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: { email: true } },
} as const;

/**
 * Invites an email with a role. The token is returned once, for the link; only its hash is
 * stored. A new invite for the same email replaces the pending one, so an inviter who lost
 * the link can simply invite again.
 */
export async function createInvite(
  projectId: string,
  actor: MemberActor,
  input: InviteCreateInput,
): Promise<{ token: string; invite: InviteDto }> {
  requireManager(actor);
  const { email, role } = inviteCreateSchema.parse(input);
  const token = generateToken();
  const now = new Date();
  const row = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { projectId, user: { email } },
      select: { userId: true },
    });
    if (member) {
      throw new AppError("conflict", { key: "alreadyMember", values: { email } }, "email");
    }
    await tx.invite.updateMany({
      where: { projectId, email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    return tx.invite.create({
      data: {
        projectId,
        email,
        role,
        tokenHash: sha256Hex(token),
        invitedById: actor.userId,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      },
      select: INVITE_SELECT,
    });
  });
  return { token, invite: toInviteDto(row, now) };
}

/** Invites not yet accepted or revoked, newest first; expired ones say so. */
export async function listInvites(projectId: string): Promise<InviteDto[]> {
  const rows = await db.invite.findMany({
    where: { projectId, acceptedAt: null, revokedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: INVITE_SELECT,
  });
  const now = new Date();
  return rows.map((row) => toInviteDto(row, now));
}

export async function revokeInvite(
  projectId: string,
  actor: MemberActor,
  inviteId: string,
): Promise<void> {
  requireManager(actor);
  const { count } = await db.invite.updateMany({
    where: { id: inviteId, projectId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("Pending invite");
}

async function findUsableInvite(token: string, client: Tx = db) {
  const invite = isTokenShaped(token)
    ? await client.invite.findUnique({
        where: { tokenHash: sha256Hex(token) },
        select: { ...INVITE_SELECT, acceptedAt: true, revokedAt: true, project: true },
      })
    : null;
  if (!invite) throw new AppError("not_found", { key: "inviteInvalid" });
  if (invite.acceptedAt) throw new AppError("not_found", { key: "inviteUsed" });
  if (invite.revokedAt) throw new AppError("not_found", { key: "inviteRevoked" });
  if (invite.expiresAt.getTime() <= Date.now()) {
    throw new AppError("not_found", { key: "inviteExpired" });
  }
  return invite;
}

/** What the invite page shows, or an AppError saying why the link cannot be used. */
export async function lookUpInvite(token: string): Promise<InviteLookup> {
  const invite = await findUsableInvite(token);
  const account = await db.user.findUnique({
    where: { email: invite.email },
    select: { id: true },
  });
  return {
    email: invite.email,
    role: parseRole({
      role: invite.role,
      userId: `invite:${invite.id}`,
      projectId: invite.projectId,
    }),
    projectName: invite.project.name,
    accountExists: account !== null,
  };
}

/**
 * Marks the invite used, in the caller's transaction, only if it still is usable at this
 * moment: of two tabs accepting the same link, one wins and the other gets a clear error.
 */
async function claimInvite(tx: Tx, token: string) {
  const tokenHash = sha256Hex(token);
  const { count } = await tx.invite.updateMany({
    where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { acceptedAt: new Date() },
  });
  if (count === 0) {
    await findUsableInvite(token, tx);
    throw new AppError("not_found", { key: "inviteUsed" });
  }
  const invite = await tx.invite.findUnique({
    where: { tokenHash },
    select: { id: true, projectId: true, email: true, role: true },
  });
  if (!invite) throw new AppError("not_found", { key: "inviteInvalid" });
  return invite;
}

async function refuseExistingAccount(client: Tx, email: string): Promise<void> {
  const existing = await client.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    throw new AppError("conflict", { key: "accountExists", values: { email } });
  }
}

/** A new person accepts: their account, their membership and their session, or nothing. */
export async function acceptInviteAsNewUser(
  token: string,
  input: InviteSignUpInput,
  userAgent?: string | null,
): Promise<{ userId: string; projectId: string; session: { token: string; expiresAt: Date } }> {
  const { email } = await findUsableInvite(token);
  const { name, password } = inviteSignUpSchema.parse(input);
  // Checked before hashing too: a sign-up that cannot succeed costs no scrypt run.
  await refuseExistingAccount(db, email);
  const passwordHash = await hashPassword(password);
  const { userId, projectId } = await db.$transaction(async (tx) => {
    const invite = await claimInvite(tx, token);
    await refuseExistingAccount(tx, invite.email);
    const user = await tx.user.create({ data: { email: invite.email, name, passwordHash } });
    await tx.membership.create({
      data: { userId: user.id, projectId: invite.projectId, role: invite.role },
    });
    return { userId: user.id, projectId: invite.projectId };
  });
  return { userId, projectId, session: await createSession(userId, userAgent) };
}

/**
 * A signed-in person accepts. The invite names an email; only that account may use it. Someone
 * who is a member already keeps the role they have.
 */
export async function acceptInviteAsUser(
  token: string,
  user: { id: string; email: string },
): Promise<{ projectId: string }> {
  return db.$transaction(async (tx) => {
    const invite = await claimInvite(tx, token);
    if (invite.email !== user.email) {
      throw new AppError("forbidden", {
        key: "inviteForOther",
        values: { inviteEmail: invite.email, userEmail: user.email },
      });
    }
    await tx.membership.upsert({
      where: { userId_projectId: { userId: user.id, projectId: invite.projectId } },
      create: { userId: user.id, projectId: invite.projectId, role: invite.role },
      update: {},
    });
    return { projectId: invite.projectId };
  });
}

/** A person with an account who is signed out: signs in as the invited email, then joins. */
export async function acceptInviteWithPassword(
  token: string,
  input: InviteSignInInput,
  client: LoginClient,
) {
  const { email } = await findUsableInvite(token);
  const { password } = inviteSignInSchema.parse(input);
  const session = await logIn({ email, password }, client);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const { projectId } = await acceptInviteAsUser(token, { id: user.id, email });
  return { projectId, session };
}
