// Two projects with keys, sessions, events, deliveries and a resend batch: what the fuzz suite's
// bad inputs aim at (the caller's own ids, another project's ids, ids that never existed).
import { authenticateApiKey, createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
import { createInvite, revokeInvite } from "@/lib/auth/invites";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { createDelivery, createFixture } from "../integration/deliveries-fixtures";
import { createUserWithProject } from "./factories";

export type FuzzWorld = Awaited<ReturnType<typeof createFuzzWorld>>;

async function projectWithData(label: string) {
  const fixture = await createFixture(label);
  const failed = await createDelivery(fixture, { status: "failed" });
  const checked = await createDelivery(fixture, { status: "failed", checkedAt: new Date() });
  const succeeded = await createDelivery(fixture, { status: "succeeded" });
  const inBatch = await createDelivery(fixture, { status: "succeeded" });
  const batchId = `batch-${label}`;
  await db.delivery.update({ where: { id: inBatch.id }, data: { resendBatchId: batchId } });
  const { key, apiKey } = await createApiKey(fixture.projectId, { name: `${label} CRM` });
  const revoked = await createApiKey(fixture.projectId, { name: `${label} old` });
  await revokeApiKey(fixture.projectId, revoked.apiKey.id);
  const ingest = await createApiKey(fixture.projectId, {
    name: `${label} telephony`,
    scopes: ["ingest"],
  });
  const session = await createSession(fixture.userId, "fuzz");
  const user = await db.user.findUniqueOrThrow({ where: { id: fixture.userId } });
  const owner = { role: "owner" as const, userId: fixture.userId };
  const invite = (email: string) =>
    createInvite(fixture.projectId, owner, { email: `${label}-${email}`, role: "viewer" });
  const pending = await invite("new@example.com");
  const revokedInvite = await invite("revoked@example.com");
  await revokeInvite(fixture.projectId, owner, revokedInvite.invite.id);
  const accepted = await invite("accepted@example.com");
  await db.invite.update({ where: { id: accepted.invite.id }, data: { acceptedAt: new Date() } });
  const expired = await invite("expired@example.com");
  await db.invite.update({ where: { id: expired.invite.id }, data: { expiresAt: new Date(0) } });
  return {
    ...fixture,
    email: user.email,
    key,
    apiKeyId: apiKey.id,
    /** A key that may only send call events: every other route refuses it. */
    ingestKey: ingest.key,
    invites: {
      /** Pending, for an email with no account: the sign-up way in. */
      pending: { id: pending.invite.id, token: pending.token },
      /** Tokens that no longer let anyone in. */
      unusableTokens: [revokedInvite, accepted, expired].map(({ token }) => token),
      /** Ids that name no invite left to revoke (an expired one still can be). */
      settledIds: [revokedInvite.invite.id, accepted.invite.id],
    },
    revokedKey: revoked.key,
    revokedKeyId: revoked.apiKey.id,
    cookie: `${SESSION_COOKIE}=${session.token}`,
    sessionToken: session.token,
    deliveries: { failed: failed.id, checked: checked.id, succeeded: succeeded.id },
    batchId,
  };
}

/** Project `a` is the caller's; `b` belongs to someone else; `viewer` may only read `a`. */
export async function createFuzzWorld() {
  const a = await projectWithData("fuzz-a");
  const b = await projectWithData("fuzz-b");
  const { user: viewerUser } = await createUserWithProject("fuzz-viewer");
  await db.membership.create({
    data: { userId: viewerUser.id, projectId: a.projectId, role: "viewer" },
  });
  const viewerSession = await createSession(viewerUser.id, "fuzz");
  // Project b's owner has an account: this invite is the sign-in way in.
  const signIn = await createInvite(
    a.projectId,
    { role: "owner", userId: a.userId },
    { email: b.email, role: "viewer" },
  );
  return {
    a,
    b,
    viewer: { userId: viewerUser.id, sessionToken: viewerSession.token },
    /** A pending invite of project a for b's owner, who has an account. */
    signInInvite: { id: signIn.invite.id, token: signIn.token },
    /** Ids of things that never existed, shaped like real ones. */
    unknownIds: ["cm0000000000000000000000", "00000000-0000-4000-8000-000000000000", "nope"],
  };
}

/** Ids of the other project's things: each must be refused as if it did not exist. */
export function foreignIds(world: FuzzWorld): string[] {
  const { b } = world;
  return [
    b.projectId,
    b.eventId,
    b.requestId,
    b.otherEventId,
    b.callEventId,
    b.deliveries.failed,
    b.deliveries.checked,
    b.deliveries.succeeded,
    b.batchId,
    b.apiKeyId,
    b.userId,
    b.invites.pending.id,
  ];
}

/**
 * Keys stamp their last use once a minute: stamp them now, so no bad request does. Call it
 * before each fuzz run.
 */
export async function stampKeys(world: FuzzWorld): Promise<void> {
  for (const key of [world.a.key, world.a.ingestKey, world.b.key]) await authenticateApiKey(key);
}
