import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { updateProjectSettings } from "@/lib/projects/service";
import { isSealed } from "@/lib/secrets/cipher";
import { encryptionKeys, resetEncryptionKeys, toEncryptionKey } from "@/lib/secrets/keys";
import { resealSecrets } from "@/lib/secrets/reseal";
import { sealPlainSecretsAtStart } from "@/lib/secrets/start";
import {
  createWebhookEvent,
  getWebhookEvent,
  revealWebhookEventSecrets,
} from "@/lib/webhooks/service";
import { runDueDeliveries } from "../helpers/deliveries";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

const AUTH = "Bearer atRestMarker01";
const CUSTOM = "customMarker02";
const GA_SECRET = "gaMarker03";

let receiver: LoopbackServer;
let projectId: string;
let eventId: string;

async function storedRequest() {
  const event = await db.webhookEvent.findUniqueOrThrow({
    where: { id: eventId },
    include: { requests: true },
  });
  const [request] = event.requests;
  if (!request) throw new Error("no request");
  return request;
}

async function sendOne(): Promise<Record<string, string>> {
  const before = receiver.requests.length;
  await ingestCallEvent(projectId, {
    type: "incoming.after_call",
    occurredAt: sampleCallFor("incoming.after_call").occurredAt,
    call: {
      ...sampleCallFor("incoming.after_call").call,
      uniqueid: `u${randomBytes(4).toString("hex")}`,
    },
  });
  await runDueDeliveries();
  const seen = receiver.requests[before];
  if (!seen) throw new Error("nothing arrived");
  return Object.fromEntries(seen.rawHeaders.map(([name, value]) => [name.toLowerCase(), value]));
}

beforeAll(async () => {
  receiver = await startLoopbackServer();
  const { project } = await createUserWithProject("at-rest");
  projectId = project.id;
  await updateProjectSettings(projectId, {
    name: "at rest",
    timeZone: "Europe/Kyiv",
    gaMeasurementId: "G-REST123",
    gaApiSecret: GA_SECRET,
  });
  const event = await createWebhookEvent(projectId, {
    name: "CRM",
    type: "incoming.after_call",
    requests: [
      {
        url: `${receiver.origin}/hooks?ga={{ga_api_secret}}`,
        method: "POST",
        headers: [
          { name: "Authorization", value: AUTH },
          { name: "X-Custom", value: CUSTOM, secret: true },
          { name: "X-Trace", value: "plainTrace" },
        ],
        signing: { enabled: true },
      },
    ],
  });
  eventId = event.id;
});

afterAll(async () => {
  resetEncryptionKeys();
  await receiver.close();
});

describe("secrets at rest", () => {
  it("stores signing secrets, the GA secret and secret header values sealed; sends them in clear", async () => {
    const row = await storedRequest();
    const headers = row.headers as Array<{ name: string; value: string; secret: boolean }>;
    expect(headers.map((h) => [h.name, isSealed(h.value), h.secret])).toEqual([
      ["Authorization", true, true],
      ["X-Custom", true, true],
      ["X-Trace", false, false],
    ]);
    expect(JSON.stringify(headers)).not.toContain("atRestMarker01");
    expect(row.signingSecret?.startsWith(`enc:v1:${encryptionKeys().current.id}:`)).toBe(true);
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(project.gaApiSecret && isSealed(project.gaApiSecret)).toBe(true);

    const secrets = await revealWebhookEventSecrets(projectId, eventId);
    expect(secrets.requests[0]?.headers.map((h) => h.value)).toEqual([AUTH, CUSTOM, "plainTrace"]);
    expect(secrets.requests[0]?.signingSecret).toMatch(/^whsec_/);
    const dto = await getWebhookEvent(projectId, eventId);
    expect(dto.requests[0]?.headers.map((h) => [h.value, h.secret])).toEqual([
      ["•••", true],
      ["•••", true],
      ["plainTrace", false],
    ]);

    const sent = await sendOne();
    expect(sent.authorization).toBe(AUTH);
    expect(sent["x-custom"]).toBe(CUSTOM);
    expect(receiver.requests.at(-1)?.target).toContain(`ga=${GA_SECRET}`);
  });

  it("reads plain values an older version stored, and seals them once at start", async () => {
    const secrets = await revealWebhookEventSecrets(projectId, eventId);
    const plainSecret = secrets.requests[0]?.signingSecret ?? "";
    const row = await storedRequest();
    await db.webhookRequest.update({
      where: { id: row.id },
      data: {
        signingSecret: plainSecret,
        // A row from before the flag: no `secret`, so the name rule decides.
        headers: [
          { name: "Authorization", value: AUTH },
          { name: "X-Trace", value: "plainTrace" },
        ],
      },
    });
    await db.project.update({ where: { id: projectId }, data: { gaApiSecret: GA_SECRET } });

    const sent = await sendOne();
    expect(sent.authorization).toBe(AUTH);

    await sealPlainSecretsAtStart();
    const sealed = await storedRequest();
    const headers = sealed.headers as Array<{ name: string; value: string }>;
    expect(isSealed(headers[0]?.value ?? "")).toBe(true);
    expect(headers[1]?.value).toBe("plainTrace");
    expect(isSealed(sealed.signingSecret ?? "")).toBe(true);
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(isSealed(project.gaApiSecret ?? "")).toBe(true);
    expect(await resealSecrets("plain")).toEqual({
      webhookRequests: 0,
      projects: 0,
      deliveries: 0,
    });

    const again = await revealWebhookEventSecrets(projectId, eventId);
    expect(again.requests[0]?.signingSecret).toBe(plainSecret);
    expect((await sendOne()).authorization).toBe(AUTH);
  });

  it("rotating the key: the previous key opens old values until secrets:rotate seals them again", async () => {
    const old = encryptionKeys().current;
    const next = toEncryptionKey(randomBytes(32));
    globalThis.webhooksEncryptionKeys = { current: next, previous: old };
    // Still readable under the previous key before the re-encryption.
    expect((await sendOne()).authorization).toBe(AUTH);

    // Other projects' default events hold no secret; this project's request and the GA secret
    // do, and every delivery sent so far keeps its real request sealed under the old key.
    const sent = await db.delivery.count({
      where: { renderedSealed: { startsWith: `enc:v1:${old.id}:` } },
    });
    expect(sent).toBeGreaterThan(0);
    const counts = await resealSecrets("all");
    expect(counts).toEqual({ webhookRequests: 1, projects: 1, deliveries: sent });
    expect(await resealSecrets("all")).toEqual({ webhookRequests: 0, projects: 0, deliveries: 0 });
    const row = await storedRequest();
    expect(row.signingSecret?.startsWith(`enc:v1:${next.id}:`)).toBe(true);

    // The previous key is no longer needed.
    globalThis.webhooksEncryptionKeys = { current: next, previous: null };
    expect((await sendOne()).authorization).toBe(AUTH);
    const secrets = await revealWebhookEventSecrets(projectId, eventId);
    expect(secrets.requests[0]?.headers[0]?.value).toBe(AUTH);

    // Without the key that sealed them, values fail loudly instead of sending garbage.
    globalThis.webhooksEncryptionKeys = { current: old, previous: null };
    await expect(revealWebhookEventSecrets(projectId, eventId)).rejects.toThrow(
      /neither APP_ENCRYPTION_KEY nor APP_ENCRYPTION_KEY_PREVIOUS/,
    );
    globalThis.webhooksEncryptionKeys = { current: next, previous: null };
  });
});
