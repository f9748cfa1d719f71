import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { GET as getProjectRoute } from "@/app/api/v1/project/route";
import { requireProjectRole } from "@/lib/auth/access";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { getProject, updateProjectSettings } from "@/lib/projects/service";
import { openSecret } from "@/lib/secrets/cipher";
import {
  deleteWebhookEvent,
  listWebhookEvents,
  setWebhookEventEnabled,
} from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";

function callProjectRoute(key?: string) {
  const headers = new Headers(key === undefined ? {} : { "Auth-key": key });
  return getProjectRoute(new Request("http://localhost/api/v1/project", { headers }), {
    params: Promise.resolve({}),
  });
}

describe("API keys", () => {
  it("shows the full key once, stores only its hash, and authenticates GET /api/v1/project", async () => {
    const { project } = await createUserWithProject("keys");
    const { key, apiKey } = await createApiKey(project.id, { name: " CRM " });
    expect(key).toMatch(/^whk_[\w-]{40}$/);
    expect(apiKey).toMatchObject({
      name: "CRM",
      prefix: key.slice(0, 12),
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(await db.apiKey.findMany())).not.toContain(key);
    expect(JSON.stringify(await listApiKeys(project.id))).not.toContain(key);

    const response = await callProjectRoute(key);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.project).toMatchObject({
      id: project.id,
      name: "keys project",
      timeZone: "Europe/Kyiv",
    });
    expect(JSON.stringify(body)).not.toMatch(/gaApiSecret"|keyHash|passwordHash/);
    const [listed] = await listApiKeys(project.id);
    expect(listed?.lastUsedAt).not.toBeNull();
  });

  it("answers 401 with a JSON error for a missing, wrong or revoked key", async () => {
    const { project } = await createUserWithProject("revoke");
    const { key, apiKey } = await createApiKey(project.id, { name: "Telephony" });
    await revokeApiKey(project.id, apiKey.id);
    for (const candidate of [undefined, "", "whk_wrong", `${key}x`, key]) {
      const response = await callProjectRoute(candidate);
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/json");
      const body = await response.json();
      expect(body.error).toMatchObject({ code: "unauthorized" });
      expect(body.error.message).toContain("Auth-key");
    }
  });

  it("rejects an empty key name naming the field", async () => {
    const { project } = await createUserWithProject("names");
    await expect(createApiKey(project.id, { name: "   " })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["name"], message: "Name the key, e.g. CRM" })],
    });
  });
});

describe("project settings", () => {
  it("validates the time zone and GA measurement id by field, and keeps the secret out of reads", async () => {
    const { project } = await createUserWithProject("settings");
    await expect(
      updateProjectSettings(project.id, {
        name: "X",
        timeZone: "Mars/Olympus",
        gaMeasurementId: "",
        gaApiSecret: "",
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["timeZone"] })] });
    await expect(
      updateProjectSettings(project.id, {
        name: "X",
        timeZone: "UTC",
        gaMeasurementId: "UA-1",
        gaApiSecret: "",
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["gaMeasurementId"] })] });

    const saved = await updateProjectSettings(project.id, {
      name: "Renamed",
      timeZone: "America/New_York",
      gaMeasurementId: "G-ABC123",
      gaApiSecret: "s3cret",
    });
    expect(saved).toMatchObject({
      name: "Renamed",
      timeZone: "America/New_York",
      gaMeasurementId: "G-ABC123",
      gaApiSecretSet: true,
    });
    expect(JSON.stringify(saved)).not.toContain("s3cret");
    // An empty secret on a later save keeps the stored one.
    await updateProjectSettings(project.id, {
      name: "Renamed",
      timeZone: "UTC",
      gaMeasurementId: "G-ABC123",
      gaApiSecret: "",
    });
    const { gaApiSecret } = await db.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(gaApiSecret && openSecret(gaApiSecret)).toBe("s3cret");
    expect((await getProject(project.id)).timeZone).toBe("UTC");
  });
});

describe("the locked default event", () => {
  it("refuses delete with a clear error, but can be disabled", async () => {
    const { project } = await createUserWithProject("locked");
    const [event] = await listWebhookEvents(project.id);
    if (!event) throw new Error("the default event is missing");
    await expect(deleteWebhookEvent(project.id, event.id)).rejects.toMatchObject({
      code: "locked",
      message: expect.stringContaining("cannot be edited or deleted"),
    });
    const disabled = await setWebhookEventEnabled(project.id, event.id, false);
    expect(disabled.enabled).toBe(false);
    expect(await db.webhookEvent.count({ where: { projectId: project.id } })).toBe(1);
  });
});

describe("two users in two projects", () => {
  it("cannot read or change each other's project through the services", async () => {
    const a = await createUserWithProject("alice");
    const b = await createUserWithProject("bob");
    await expect(requireProjectRole(a.user.id, a.project.id, "owner")).resolves.toBe("owner");
    await expect(requireProjectRole(b.user.id, a.project.id)).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(requireProjectRole(a.user.id, b.project.id)).rejects.toMatchObject({
      code: "not_found",
    });

    const aKey = await createApiKey(a.project.id, { name: "A" });
    // Project-scoped services never touch another project's rows.
    await expect(revokeApiKey(b.project.id, aKey.apiKey.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await listApiKeys(a.project.id))[0]?.revokedAt).toBeNull();
    const [aEvent] = await listWebhookEvents(a.project.id);
    await expect(
      setWebhookEventEnabled(b.project.id, aEvent?.id ?? "", false),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await listWebhookEvents(a.project.id))[0]?.enabled).toBe(true);

    const response = await callProjectRoute(aKey.key);
    expect((await response.json()).project.id).toBe(a.project.id);
  });
});
