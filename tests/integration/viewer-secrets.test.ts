import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";

// Server actions read the session from next/headers: the cookie of whoever `actingAs` names.
let actingAs: string | undefined;
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) =>
      name === SESSION_COOKIE && actingAs !== undefined ? { name, value: actingAs } : undefined,
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers(),
}));

import { previewRequestAction } from "@/app/_actions/preview";
import { revealEventSecretsAction } from "@/app/_actions/secrets";
import { sendTestRequestAction } from "@/app/_actions/send-test";
import { createEventAction, updateEventAction } from "@/app/_actions/webhook-events";
import * as eventRoute from "@/app/api/v1/webhook-events/[id]/route";
import * as secretsRoute from "@/app/api/v1/webhook-events/[id]/secrets/route";
import * as eventsRoute from "@/app/api/v1/webhook-events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { isSensitiveHeader, MASK } from "@/lib/model/sensitive";
import { updateProjectSettings } from "@/lib/projects/service";
import { draftWebhookEventCopy } from "@/lib/webhooks/copy";
import { parseWebhookRequestRow } from "@/lib/webhooks/rows";
import type { WebhookEventDto } from "@/lib/webhooks/serializers";
import { createWebhookEvent, getWebhookEvent } from "@/lib/webhooks/service";
import { listWebhookEventSummaries } from "@/lib/webhooks/summaries";
import { callRoute } from "../helpers/api";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

const GA_SECRET = "gaSecretValue77";
const HEADER_SECRETS = {
  Authorization: "Bearer tokenValue11",
  "X-Api-Key": "apiKeyValue22",
  Cookie: "sid=cookieValue33",
  "X-Signature-Salt": "saltValue44",
  "Proxy-Authorization": "Basic proxyValue55",
  "X-Auth-Token": "tokenValue66",
  "X-Password": "passwordValue88",
};
const SECRETS = [GA_SECRET, ...Object.values(HEADER_SECRETS), "whsec_"];

function expectNoSecrets(value: unknown) {
  const text = JSON.stringify(value);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

let receiver: LoopbackServer;
let projectId: string;
let event: WebhookEventDto;
let owner: string;
let viewer: string;
let adminKey: string;
let ingestKey: string;

async function sessionCookie(token: string) {
  return `${SESSION_COOKIE}=${token}`;
}

function read(handler: typeof eventsRoute.GET, cookie: string, query = "", id?: string) {
  const request = new Request(`http://localhost/api/v1/x?projectId=${projectId}${query}`, {
    headers: { Cookie: cookie },
  });
  return handler(request, { params: Promise.resolve(id ? { id } : {}) });
}

beforeAll(async () => {
  receiver = await startLoopbackServer();
  const created = await createUserWithProject("secrets");
  projectId = created.project.id;
  await updateProjectSettings(projectId, {
    name: "secrets project",
    timeZone: "Europe/Kyiv",
    gaMeasurementId: "G-TEST123",
    gaApiSecret: GA_SECRET,
  });
  event = await createWebhookEvent(projectId, {
    name: "CRM",
    type: "incoming.after_call",
    requests: [
      {
        url: `${receiver.origin}/hooks`,
        method: "POST",
        headers: [
          { name: "Content-Type", value: "application/json; charset=utf-8" },
          { name: "X-Trace", value: "visibleValue" },
          ...Object.entries(HEADER_SECRETS).map(([name, value]) => ({ name, value })),
        ],
        params: [{ name: "id", type: "text", value: "{{uniqueid}}" }],
        signing: { enabled: true },
      },
    ],
  });
  owner = (await createSession(created.user.id)).token;
  const { user: viewerUser } = await createUserWithProject("viewer");
  await db.membership.create({ data: { userId: viewerUser.id, projectId, role: "viewer" } });
  viewer = (await createSession(viewerUser.id)).token;
  adminKey = (await createApiKey(projectId, { name: "CRM", scopes: ["admin"] })).key;
  ingestKey = (await createApiKey(projectId, { name: "Telephony", scopes: ["ingest"] })).key;
});

afterAll(async () => {
  await receiver.close();
});

describe("sensitive values", () => {
  it("the rule: Authorization, Cookie, Proxy-Authorization and credential words in the name", () => {
    for (const name of Object.keys(HEADER_SECRETS)) expect(isSensitiveHeader(name)).toBe(true);
    for (const name of ["authorization", "X-Access-TOKEN", "Client-Secret", "Auth-key"])
      expect(isSensitiveHeader(name)).toBe(true);
    for (const name of ["Content-Type", "X-Trace", "Accept", "User-Agent"])
      expect(isSensitiveHeader(name)).toBe(false);
  });

  it("a viewer's reads carry no secret: the API, the webhooks page's data, the event page", async () => {
    for (const response of [
      await read(eventsRoute.GET, await sessionCookie(viewer)),
      await read(eventsRoute.GET, await sessionCookie(viewer), "&include=summary"),
      await read(eventRoute.GET, await sessionCookie(viewer), "", event.id),
    ]) {
      expect(response.status).toBe(200);
      const body = await response.json();
      expectNoSecrets(body);
      expect(JSON.stringify(body)).toContain("visibleValue");
      expect(JSON.stringify(body)).toContain(MASK);
    }
    const summaries = await listWebhookEventSummaries(projectId);
    expectNoSecrets(summaries);
    const page = await getWebhookEvent(projectId, event.id);
    expectNoSecrets(page);
    const headers = page.requests[0]?.headers ?? [];
    expect(headers.find((h) => h.name === "Authorization")?.value).toBe(MASK);
    expect(headers.find((h) => h.name === "X-Trace")?.value).toBe("visibleValue");
    expect(page.requests[0]?.signing).toEqual({ enabled: true });
  });

  it("a viewer's preview shows {{ga_api_secret}} as the mask; an admin's shows the value", async () => {
    const input = {
      type: "incoming.after_call" as const,
      request: {
        url: "https://www.google-analytics.com/mp/collect?api_secret={{ga_api_secret}}",
        method: "POST" as const,
        format: "form" as const,
        headers: [{ name: "X-Ga", value: "{{ga_api_secret}}" }],
        params: [{ name: "secret", type: "text" as const, value: "{{ga_api_secret}}" }],
      },
    };
    actingAs = viewer;
    const seen = await previewRequestAction(projectId, input);
    expect(seen.ok).toBe(true);
    expectNoSecrets(seen);
    if (!seen.ok) return;
    expect(seen.data.url).toBe(`https://www.google-analytics.com/mp/collect?api_secret=${MASK}`);
    expect(seen.data.headers.find((h) => h.name === "X-Ga")?.value).toBe(MASK);
    expect(seen.data.body).toBe(`secret=${MASK}`);
    expect(seen.data.curl).toContain(MASK);

    actingAs = owner;
    const admin = await previewRequestAction(projectId, input);
    expect(admin.ok && admin.data.url).toBe(
      `https://www.google-analytics.com/mp/collect?api_secret=${GA_SECRET}`,
    );
  });

  it("reveal is for admins only: action and API", async () => {
    actingAs = viewer;
    const refused = await revealEventSecretsAction(projectId, event.id);
    expect(refused).toMatchObject({
      ok: false,
      message: "This needs the admin role in the project",
    });
    const viewerRead = await read(secretsRoute.GET, await sessionCookie(viewer), "", event.id);
    expect(viewerRead.status).toBe(403);
    expectNoSecrets(await viewerRead.json());
    const ingest = await callRoute(secretsRoute.GET, { key: ingestKey, params: { id: event.id } });
    expect(ingest.status).toBe(403);
    expect(ingest.json.error.message).toBe("This API key lacks the admin scope");

    actingAs = owner;
    const revealed = await revealEventSecretsAction(projectId, event.id);
    expect(revealed.ok).toBe(true);
    const request = revealed.ok ? revealed.data.requests[0] : undefined;
    expect(request?.headers.find((h) => h.name === "Authorization")?.value).toBe(
      HEADER_SECRETS.Authorization,
    );
    expect(request?.signingSecret).toMatch(/^whsec_/);
    const ownerRead = await read(secretsRoute.GET, await sessionCookie(owner), "", event.id);
    expect(ownerRead.status).toBe(200);
    expect(ownerRead.headers.get("cache-control")).toBe("no-store");
    expect(await ownerRead.json()).toEqual(revealed.ok ? revealed.data : null);
    const byKey = await callRoute(secretsRoute.GET, { key: adminKey, params: { id: event.id } });
    expect(byKey.json).toEqual(revealed.ok ? revealed.data : null);
  });

  it("a masked value saved back keeps the stored secret; a mask with nothing behind it is refused", async () => {
    const storedBefore = (await db.webhookRequest.findMany({ where: { eventId: event.id } })).map(
      parseWebhookRequestRow,
    );
    const masked = await getWebhookEvent(projectId, event.id);
    const { id: _id, trigger: _t, locked: _l, createdAt: _c, updatedAt: _u, ...editable } = masked;

    actingAs = owner;
    const saved = await updateEventAction(projectId, event.id, { ...editable, name: "CRM v2" });
    expect(saved.ok).toBe(true);
    const storedAfter = (await db.webhookRequest.findMany({ where: { eventId: event.id } })).map(
      parseWebhookRequestRow,
    );
    expect(storedAfter.map((r) => [r.headers, r.signingSecret])).toEqual(
      storedBefore.map((r) => [r.headers, r.signingSecret]),
    );

    // Through the API the same: PUT what GET returned.
    const put = await callRoute(eventRoute.PUT, {
      key: adminKey,
      method: "PUT",
      params: { id: event.id },
      body: { ...editable, name: "CRM v2" },
    });
    expect(put.status).toBe(200);
    const afterPut = await db.webhookRequest.findMany({ where: { eventId: event.id } });
    expect(afterPut.map(parseWebhookRequestRow)[0]?.headers).toEqual(storedBefore[0]?.headers);

    // A mask in a new header, or in a new request, stands for nothing: refused, nothing written.
    const request = editable.requests[0];
    if (!request) throw new Error("the event has a request");
    const extra = {
      ...editable,
      requests: [
        { ...request, headers: [...request.headers, { name: "X-New-Token", value: MASK }] },
      ],
    };
    const refused = await updateEventAction(projectId, event.id, extra);
    const newHeader = `requests[0].headers[${request.headers.length}].value`;
    expect(refused).toMatchObject({ ok: false, fieldErrors: { [newHeader]: expect.any(String) } });
    const created = await callRoute(eventsRoute.POST, {
      key: adminKey,
      method: "POST",
      body: { ...editable, requests: [{ ...request, id: undefined }] },
    });
    expect(created.status).toBe(422);
    expect(created.json.error.field).toBe("requests[0].headers[2].value");
    expect(created.json.error.message).toContain("enter the value");
    expect(await db.webhookEvent.count({ where: { projectId, name: "CRM v2" } })).toBe(1);
    const unchanged = await db.webhookRequest.findMany({ where: { eventId: event.id } });
    expect(unchanged.map((r) => parseWebhookRequestRow(r).headers)).toEqual(
      storedBefore.map((r) => r.headers),
    );
  });

  it("a test send from the masked form sends the stored values; the result shows them masked", async () => {
    const masked = await getWebhookEvent(projectId, event.id);
    const request = masked.requests[0];
    if (!request) throw new Error("the event has a request");
    const { id: requestId, position: _p, paused: _pa, ...config } = request;
    actingAs = owner;
    const result = await sendTestRequestAction(
      projectId,
      { type: "incoming.after_call", request: config },
      { eventId: event.id, requestId },
    );
    expect(result.ok).toBe(true);
    const arrived = receiver.requests.at(-1);
    const header = (name: string) =>
      arrived?.rawHeaders.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    expect(header("Authorization")).toBe(HEADER_SECRETS.Authorization);
    expect(header("X-Api-Key")).toBe(HEADER_SECRETS["X-Api-Key"]);
    expect(header("webhook-signature")).toMatch(/^v1,/);
    expectNoSecrets(result.ok ? result.data.request : null);

    // Unsaved, a mask has no stored value to stand for: refused before anything is sent.
    const before = receiver.requests.length;
    const unsaved = await sendTestRequestAction(projectId, {
      type: "incoming.after_call",
      request: config,
    });
    expect(unsaved).toMatchObject({ ok: false });
    expect(unsaved.ok ? "" : unsaved.message).toContain("request.headers[2].value");
    expect(receiver.requests.length).toBe(before);
  });

  it("a copy drafted for the wizard shows masks and, saved, keeps the source's stored values", async () => {
    const { draft } = await draftWebhookEventCopy(projectId, event.id, {
      type: "incoming.answered",
      view: "masked",
    });
    expectNoSecrets(draft);
    const source = await db.webhookRequest.findFirstOrThrow({ where: { eventId: event.id } });

    actingAs = owner;
    // Without naming its source, the masks stand for nothing.
    const blind = await createEventAction(projectId, draft);
    expect(blind).toMatchObject({ ok: false });
    const other = await createUserWithProject("other-copy");
    const otherOwner = (await createSession(other.user.id)).token;
    actingAs = otherOwner;
    // Another project's event cannot lend its values either.
    const foreign = await createEventAction(other.project.id, draft, event.id);
    expect(foreign).toMatchObject({ ok: false });

    actingAs = owner;
    const copied = await createEventAction(projectId, draft, event.id);
    expect(copied.ok).toBe(true);
    const copy = await db.webhookRequest.findFirstOrThrow({
      where: { event: { id: copied.ok ? copied.data.id : "" } },
    });
    expect(copy.id).not.toBe(source.id);
    const [copyRow, sourceRow] = [copy, source].map(parseWebhookRequestRow);
    expect(copyRow?.headers).toEqual(sourceRow?.headers);
    expect(copyRow?.signingSecret).toMatch(/^whsec_/);
    expect(copyRow?.signingSecret).not.toBe(sourceRow?.signingSecret);
  });
});
