// Two projects with keys, sessions, events, deliveries and a resend batch: what the fuzz suite's
// bad inputs aim at (the caller's own ids, another project's ids, ids that never existed).
import { createApiKey, revokeApiKey } from "@/lib/auth/api-keys";
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
  const session = await createSession(fixture.userId, "fuzz");
  const user = await db.user.findUniqueOrThrow({ where: { id: fixture.userId } });
  return {
    ...fixture,
    email: user.email,
    key,
    apiKeyId: apiKey.id,
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
  return {
    a,
    b,
    viewer: { userId: viewerUser.id, sessionToken: viewerSession.token },
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
  ];
}
