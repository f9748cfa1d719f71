import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { POST as postCallEvent } from "@/app/api/v1/call-events/route";
import { GET as getCatalog } from "@/app/api/v1/catalog/route";
import { GET as getDeliveries } from "@/app/api/v1/deliveries/route";
import { GET as getProject } from "@/app/api/v1/project/route";
import { POST as postRenderPreview } from "@/app/api/v1/render-preview/route";
import { PATCH as patchEvent } from "@/app/api/v1/webhook-events/[id]/route";
import { GET as listEvents, POST as postWebhookEvent } from "@/app/api/v1/webhook-events/route";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { callRoute } from "../helpers/api";
import { createUserWithProject } from "../helpers/factories";

function callEventBody(id: string) {
  const sample = sampleCallFor("incoming.after_call");
  return { id, type: "incoming.after_call", occurredAt: sample.occurredAt, call: sample.call };
}

const request = {
  url: "https://crm.example.com/hooks",
  method: "POST" as const,
  params: [{ name: "id", type: "text" as const, value: "{{uniqueid}}" }],
};

describe("API key scopes", () => {
  it("an ingest-only key sends call events and is refused everywhere else, naming the scope", async () => {
    const { project } = await createUserWithProject("ingest-only");
    const event = await createWebhookEvent(project.id, {
      name: "After call",
      type: "incoming.after_call",
      requests: [request],
    });
    const { key, apiKey } = await createApiKey(project.id, {
      name: "Telephony",
      scopes: ["ingest"],
    });
    expect(apiKey.scopes).toEqual(["ingest"]);

    const refused = await callRoute(listEvents, { key });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toEqual({
      code: "forbidden",
      message: "This API key lacks the admin scope",
      requiredScope: "admin",
    });
    expect(JSON.stringify(refused.json)).not.toContain(event.id);

    const before = await db.webhookEvent.count();
    for (const [handler, options] of [
      [getProject, {}],
      [getCatalog, {}],
      [getDeliveries, {}],
      [postWebhookEvent, { method: "POST", body: { name: "x", type: "incoming.after_call" } }],
      [patchEvent, { method: "PATCH", params: { id: event.id }, body: { enabled: false } }],
      [
        postRenderPreview,
        { method: "POST", body: { type: "incoming.after_call", request: { ...request } } },
      ],
    ] as const) {
      const answer = await callRoute(handler, { key, ...options });
      expect(answer.status).toBe(403);
      expect(answer.json.error.message).toBe("This API key lacks the admin scope");
    }
    expect(await db.webhookEvent.count()).toBe(before);
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: event.id } })).enabled).toBe(
      true,
    );

    const accepted = await callRoute(postCallEvent, {
      key,
      method: "POST",
      body: callEventBody("call-1"),
    });
    expect(accepted.status).toBe(202);
    expect(await db.delivery.count({ where: { webhookEventId: event.id } })).toBe(1);
    const again = await callRoute(postCallEvent, {
      key,
      method: "POST",
      body: callEventBody("call-1"),
    });
    expect(again.status).toBe(200);
    expect(again.json.callEventId).toBe(accepted.json.callEventId);
  });

  it("an admin key reaches every route, call events included; a key made without scopes is admin", async () => {
    const { project } = await createUserWithProject("admin-key");
    const { key, apiKey } = await createApiKey(project.id, { name: "CRM" });
    expect(apiKey.scopes).toEqual(["admin"]);
    expect((await callRoute(listEvents, { key })).status).toBe(200);
    expect((await callRoute(getProject, { key })).status).toBe(200);
    const accepted = await callRoute(postCallEvent, {
      key,
      method: "POST",
      body: callEventBody("call-2"),
    });
    expect(accepted.status).toBe(202);

    const both = await createApiKey(project.id, { name: "Both", scopes: ["admin", "ingest"] });
    expect(both.apiKey.scopes).toEqual(["ingest", "admin"]);
    expect((await callRoute(listEvents, { key: both.key })).status).toBe(200);
  });

  it("keys stored before scopes existed read as admin keys", async () => {
    const { project } = await createUserWithProject("old-key");
    // A row as the previous version wrote it: no scopes column in its insert.
    await db.apiKey.create({
      data: { projectId: project.id, name: "Old", prefix: "whk_old", keyHash: "old-hash" },
    });
    const [old] = await listApiKeys(project.id);
    expect(old).toMatchObject({ name: "Old", scopes: ["admin"] });
  });

  it("the key list shows each key's scopes; a bad scope is refused naming the field", async () => {
    const { project } = await createUserWithProject("list-scopes");
    await createApiKey(project.id, { name: "Telephony", scopes: ["ingest"] });
    await createApiKey(project.id, { name: "CRM", scopes: ["admin"] });
    const listed = await listApiKeys(project.id);
    const byName = [...listed].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName.map((k) => [k.name, k.scopes])).toEqual([
      ["CRM", ["admin"]],
      ["Telephony", ["ingest"]],
    ]);

    await expect(
      createApiKey(project.id, { name: "Root", scopes: ["root" as "admin"] }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["scopes", 0] })] });
    await expect(createApiKey(project.id, { name: "None", scopes: [] })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["scopes"], message: "choose at least one scope" })],
    });
    expect(await db.apiKey.count({ where: { projectId: project.id } })).toBe(2);
  });
});
