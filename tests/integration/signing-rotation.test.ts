import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as rotateRoute from "@/app/api/v1/webhook-events/[id]/rotate-signing-secret/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { isSealed, openSecret } from "@/lib/secrets/cipher";
import {
  createWebhookEvent,
  revealWebhookEventSecrets,
  rotateSigningSecret,
} from "@/lib/webhooks/service";
import { generateSigningSecret } from "@/lib/webhooks/signing-secret";
import { callRoute } from "../helpers/api";
import { runDueDeliveries } from "../helpers/deliveries";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

const TYPE = "outgoing.after_call";

let receiver: LoopbackServer;
let projectId: string;
let eventId: string;
let requestId: string;

/** Sends one call and returns what the receiver got: the body and the headers by name. */
async function sendOne() {
  const before = receiver.requests.length;
  await ingestCallEvent(projectId, { type: TYPE, ...sampleCallFor(TYPE) });
  await runDueDeliveries();
  const seen = receiver.requests[before];
  if (!seen) throw new Error("nothing arrived");
  const headers = Object.fromEntries(seen.rawHeaders.map(([n, v]) => [n.toLowerCase(), v]));
  return { body: seen.body.toString("utf8"), headers };
}

function verifies(secret: string, sent: { body: string; headers: Record<string, string> }) {
  try {
    new Webhook(secret).verify(sent.body, sent.headers);
    return true;
  } catch {
    return false;
  }
}

async function currentSecret() {
  const secrets = await revealWebhookEventSecrets(projectId, eventId);
  return secrets.requests[0]?.signingSecret ?? "";
}

beforeAll(async () => {
  receiver = await startLoopbackServer();
  const { project } = await createUserWithProject("rotation");
  projectId = project.id;
  const event = await createWebhookEvent(projectId, {
    name: "Signed",
    type: TYPE,
    requests: [{ url: `${receiver.origin}/signed`, method: "POST", signing: { enabled: true } }],
  });
  eventId = event.id;
  requestId = event.requests[0]?.id ?? "";
});

afterAll(async () => {
  await receiver.close();
});

describe("signing secret rotation with overlap", () => {
  it("during the overlap requests carry both signatures: either secret verifies", async () => {
    const oldSecret = await currentSecret();
    const rotated = await rotateSigningSecret(projectId, eventId, requestId);
    const newSecret = rotated.signingSecret;
    expect(newSecret).not.toBe(oldSecret);
    expect(await currentSecret()).toBe(newSecret);
    // Default 24 hours.
    const until = new Date(rotated.previousValidUntil ?? 0).getTime() - Date.now();
    expect(until).toBeGreaterThan(23 * 3_600_000);
    expect(until).toBeLessThanOrEqual(24 * 3_600_000);

    // Both secrets are stored sealed.
    const row = await db.webhookRequest.findUniqueOrThrow({ where: { id: requestId } });
    for (const stored of [row.signingSecret, row.previousSigningSecret])
      expect(stored && isSealed(stored)).toBe(true);
    expect(openSecret(row.previousSigningSecret ?? "")).toBe(oldSecret);

    const sent = await sendOne();
    const signatures = sent.headers["webhook-signature"]?.split(" ") ?? [];
    expect(signatures).toHaveLength(2);
    expect(signatures.every((s) => s.startsWith("v1,"))).toBe(true);
    expect(verifies(newSecret, sent)).toBe(true);
    expect(verifies(oldSecret, sent)).toBe(true);
    expect(verifies(generateSigningSecret(), sent)).toBe(false);
  });

  it("after the period only the new secret signs", async () => {
    const newSecret = await currentSecret();
    const row = await db.webhookRequest.findUniqueOrThrow({ where: { id: requestId } });
    const oldSecret = openSecret(row.previousSigningSecret ?? "");
    // The overlap ran out (moved into the past rather than waited for).
    await db.webhookRequest.update({
      where: { id: requestId },
      data: { previousSigningSecretUntil: new Date(Date.now() - 1000) },
    });
    const sent = await sendOne();
    expect(sent.headers["webhook-signature"]?.split(" ")).toHaveLength(1);
    expect(verifies(newSecret, sent)).toBe(true);
    expect(verifies(oldSecret, sent)).toBe(false);
  });

  it("an overlap of 0 drops the old secret at once; a period out of range is refused by field", async () => {
    const before = await currentSecret();
    const rotated = await rotateSigningSecret(projectId, eventId, requestId, { overlapHours: 0 });
    expect(rotated.previousValidUntil).toBeNull();
    const sent = await sendOne();
    expect(sent.headers["webhook-signature"]?.split(" ")).toHaveLength(1);
    expect(verifies(rotated.signingSecret, sent)).toBe(true);
    expect(verifies(before, sent)).toBe(false);

    await expect(
      rotateSigningSecret(projectId, eventId, requestId, { overlapHours: 500 }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["overlapHours"] })] });
    expect(await currentSecret()).toBe(rotated.signingSecret);
  });

  it("the API rotates with an admin key, with the overlap it names", async () => {
    const before = await currentSecret();
    const admin = (await createApiKey(projectId, { name: "admin", scopes: ["admin"] })).key;
    const ingest = (await createApiKey(projectId, { name: "ingest", scopes: ["ingest"] })).key;
    const body = { requestId, overlapHours: 1 };
    const params = { id: eventId };
    const refused = await callRoute(rotateRoute.POST, {
      key: ingest,
      method: "POST",
      params,
      body,
    });
    expect(refused.status).toBe(403);
    const bad = await callRoute(rotateRoute.POST, {
      key: admin,
      method: "POST",
      params,
      body: { requestId, overlapHours: -1 },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.field).toBe("overlapHours");
    const rotated = await callRoute(rotateRoute.POST, { key: admin, method: "POST", params, body });
    expect(rotated.status).toBe(200);
    expect(rotated.json.signingSecret).toBe(await currentSecret());
    const until = new Date(rotated.json.previousValidUntil).getTime() - Date.now();
    expect(until).toBeGreaterThan(59 * 60_000);
    expect(until).toBeLessThanOrEqual(60 * 60_000);
    const sent = await sendOne();
    expect(verifies(before, sent)).toBe(true);
    expect(verifies(rotated.json.signingSecret, sent)).toBe(true);
  });
});
