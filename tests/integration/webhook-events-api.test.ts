import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import * as catalogRoute from "@/app/api/v1/catalog/route";
import * as copyRoute from "@/app/api/v1/webhook-events/[id]/copy/route";
import * as eventRoute from "@/app/api/v1/webhook-events/[id]/route";
import * as secretsRoute from "@/app/api/v1/webhook-events/[id]/secrets/route";
import * as eventsRoute from "@/app/api/v1/webhook-events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { callRoute } from "../helpers/api";
import { createUserWithProject } from "../helpers/factories";

async function projectWithKey(label: string) {
  const { project } = await createUserWithProject(label);
  const { key } = await createApiKey(project.id, { name: "API" });
  return { projectId: project.id, key };
}

const CRM_EVENT = {
  name: "CRM: call finished",
  type: "incoming.after_call",
  requests: [
    {
      url: "https://crm.example.com:8443/api/calls/{{uniqueid}}?src=ringo",
      method: "PUT",
      format: "json",
      dateFormat: "iso8601",
      params: [
        { name: "call_id", type: "text", value: "{{uniqueid}}" },
        { name: "utm", type: "array", items: ["{{utm_source}}", "{{utm_medium}}"] },
        {
          name: "client",
          type: "object",
          fields: [
            { name: "phone", type: "text", value: "{{caller}}" },
            { name: "tags", type: "array", items: ["{{call_type}}"] },
          ],
        },
        { name: "{{Имя сотрудника}}", type: "text", value: "{{employee_fio}}" },
        { name: "sign", type: "sha256", value: "{{uniqueid}}:my-secret" },
      ],
      timeoutMs: 5000,
      retry: { attempts: 3, schedule: "exponential" },
    },
    {
      url: "https://bi.example.com/ingest",
      method: "POST",
      format: "json-rpc",
      rpcMethod: "call.finished",
      headers: [{ name: "X-Project", value: "{{project_id}}" }],
      params: [{ name: "duration", type: "text", value: "{{duration}}" }],
    },
  ],
};

describe("webhook events API", () => {
  it("stores what POST sends and GET returns it identically", async () => {
    const { key } = await projectWithKey("roundtrip");
    const created = await callRoute(eventsRoute.POST, { key, method: "POST", body: CRM_EVENT });
    expect(created.status).toBe(201);
    const event = created.json;
    expect(event).toMatchObject({
      name: CRM_EVENT.name,
      type: "incoming.after_call",
      enabled: true,
      locked: false,
    });
    // Defaults are filled in: the automatic Content-Type when headers were omitted.
    expect(event.requests[0].headers).toEqual([
      { name: "Content-Type", value: "application/json; charset=utf-8", secret: false },
    ]);
    expect(event.requests[1].headers).toEqual([
      { name: "X-Project", value: "{{project_id}}", secret: false },
    ]);
    expect(event.requests[0].params).toEqual(CRM_EVENT.requests[0]?.params);

    const fetched = await callRoute(eventRoute.GET, { key, params: { id: event.id } });
    expect(fetched.status).toBe(200);
    expect(fetched.json).toEqual(event);

    const listed = await callRoute(eventsRoute.GET, { key });
    expect(listed.json.webhookEvents.map((e: { id: string }) => e.id)).toContain(event.id);
  });

  it.each([
    ["an unknown top-level field", { ...CRM_EVENT, colour: "red" }, ""],
    ["a wrong trigger type", { ...CRM_EVENT, type: "incoming.sometime" }, "type"],
    ["an empty name", { ...CRM_EVENT, name: "  " }, "name"],
    ["no requests", { ...CRM_EVENT, requests: [] }, "requests"],
    [
      "41 requests",
      { ...CRM_EVENT, requests: Array.from({ length: 41 }, () => CRM_EVENT.requests[1]) },
      "requests",
    ],
    [
      "a relative URL",
      { ...CRM_EVENT, requests: [{ ...CRM_EVENT.requests[1], url: "/hooks" }] },
      "requests[0].url",
    ],
    [
      "a host from a variable",
      {
        ...CRM_EVENT,
        requests: [{ ...CRM_EVENT.requests[1], url: "https://{{dst}}.example.com/x" }],
      },
      "requests[0].url",
    ],
    [
      "an ftp URL",
      { ...CRM_EVENT, requests: [{ ...CRM_EVENT.requests[1], url: "ftp://example.com/x" }] },
      "requests[0].url",
    ],
    [
      "a method the product does not send",
      { ...CRM_EVENT, requests: [{ ...CRM_EVENT.requests[1], method: "DELETE" }] },
      "requests[0].method",
    ],
    [
      "a timeout over 30 s",
      { ...CRM_EVENT, requests: [{ ...CRM_EVENT.requests[1], timeoutMs: 60_000 }] },
      "requests[0].timeoutMs",
    ],
    [
      "a string where a number belongs",
      { ...CRM_EVENT, requests: [{ ...CRM_EVENT.requests[1], timeoutMs: "5000" }] },
      "requests[0].timeoutMs",
    ],
  ])("answers 422 naming the path for %s, and writes nothing", async (_label, body, field) => {
    const { projectId, key } = await projectWithKey("bad");
    const before = await db.webhookEvent.count({ where: { projectId } });
    const response = await callRoute(eventsRoute.POST, { key, method: "POST", body });
    expect(response.status).toBe(422);
    expect(response.json.error.code).toBe("validation_failed");
    if (field) expect(response.json.error.field).toBe(field);
    expect(response.json.error.message.length).toBeGreaterThan(field.length + 2);
    expect(await db.webhookEvent.count({ where: { projectId } })).toBe(before);
  });

  it("keeps each request's politeness limits: in flight at once (default 8) and per second", async () => {
    const { key } = await projectWithKey("polite");
    const limited = { ...CRM_EVENT.requests[1], delivery: { maxInFlight: 2, ratePerSecond: 5 } };
    const body = { ...CRM_EVENT, requests: [CRM_EVENT.requests[0], limited] };
    const created = await callRoute(eventsRoute.POST, { key, method: "POST", body });
    expect(created.status).toBe(201);
    expect(created.json.requests[0].delivery).toEqual({ maxInFlight: 8, ratePerSecond: null });
    expect(created.json.requests[1].delivery).toEqual({ maxInFlight: 2, ratePerSecond: 5 });
    const fetched = await callRoute(eventRoute.GET, { key, params: { id: created.json.id } });
    expect(fetched.json.requests[1].delivery).toEqual({ maxInFlight: 2, ratePerSecond: 5 });

    const tooMany = { ...limited, delivery: { maxInFlight: 0 } };
    const refused = await callRoute(eventsRoute.POST, {
      key,
      method: "POST",
      body: { ...CRM_EVENT, requests: [tooMany] },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ field: "requests[0].delivery.maxInFlight" });
  });

  it("names a bare Cyrillic or spaced parameter name deep in the tree", async () => {
    const { key } = await projectWithKey("names");
    const request = {
      url: "https://crm.example.com/x",
      method: "POST",
      params: [
        { name: "a", type: "text", value: "1" },
        { name: "b", type: "text", value: "2" },
        {
          name: "client",
          type: "object",
          fields: [{ name: "Имя сотрудника", type: "text", value: "x" }],
        },
      ],
    };
    const body = { ...CRM_EVENT, requests: [CRM_EVENT.requests[1], request] };
    const response = await callRoute(eventsRoute.POST, { key, method: "POST", body });
    expect(response.status).toBe(422);
    expect(response.json.error).toMatchObject({
      field: "requests[1].params[2].fields[0].name",
      message:
        "requests[1].params[2].fields[0].name: use Latin letters, digits, _ - . or wrap the name in {{ }}",
    });
  });

  it("rejects unknown variables and variables the trigger type does not carry, naming them", async () => {
    const { key } = await projectWithKey("variables");
    const unknown = await callRoute(eventsRoute.POST, {
      key,
      method: "POST",
      body: { ...CRM_EVENT, requests: [{ url: "https://x.example.com/{{nope}}", method: "GET" }] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json.error).toMatchObject({
      field: "requests[0].url",
      message: "requests[0].url: unknown variable {{nope}}",
    });

    const unavailable = await callRoute(eventsRoute.POST, {
      key,
      method: "POST",
      body: { ...CRM_EVENT, type: "incoming.before_call" },
    });
    expect(unavailable.status).toBe(422);
    expect(unavailable.json.error.message).toMatch(
      /\{\{(employee_fio|duration)\}\} is not available for Incoming call: before the call/,
    );
  });

  it("answers 400 for malformed JSON and 401 without a key", async () => {
    const { key } = await projectWithKey("malformed");
    const malformed = await callRoute(eventsRoute.POST, {
      key,
      method: "POST",
      rawBody: "{ not json",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.message).toContain("not valid JSON");
    const anonymous = await callRoute(eventsRoute.GET, {});
    expect(anonymous.status).toBe(401);
  });

  it("updates with PUT, keeping request ids that are sent back, and patches name/enabled/conditions", async () => {
    const { key } = await projectWithKey("update");
    const { json: event } = await callRoute(eventsRoute.POST, {
      key,
      method: "POST",
      body: CRM_EVENT,
    });
    const [first, second] = event.requests;
    const reordered = {
      ...CRM_EVENT,
      name: "Reordered",
      requests: [
        { ...CRM_EVENT.requests[1], id: second.id },
        { ...CRM_EVENT.requests[0], id: first.id, url: "https://crm.example.com/v2/{{uniqueid}}" },
        { url: "https://new.example.com/hook", method: "GET" },
      ],
    };
    const updated = await callRoute(eventRoute.PUT, {
      key,
      method: "PUT",
      params: { id: event.id },
      body: reordered,
    });
    expect(updated.status).toBe(200);
    expect(updated.json.name).toBe("Reordered");
    expect(updated.json.requests.map((r: { id: string }) => r.id).slice(0, 2)).toEqual([
      second.id,
      first.id,
    ]);
    expect(updated.json.requests[1].url).toBe("https://crm.example.com/v2/{{uniqueid}}");
    expect(updated.json.requests[2].headers).toEqual([]);

    const foreignId = await callRoute(eventRoute.PUT, {
      key,
      method: "PUT",
      params: { id: event.id },
      body: { ...CRM_EVENT, requests: [{ ...CRM_EVENT.requests[1], id: "someone-elses" }] },
    });
    expect(foreignId.status).toBe(422);
    expect(foreignId.json.error.field).toBe("requests[0].id");

    const patched = await callRoute(eventRoute.PATCH, {
      key,
      method: "PATCH",
      params: { id: event.id },
      body: { enabled: false, conditions: { minDurationSec: 30, dispositions: ["ANSWERED"] } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({
      enabled: false,
      conditions: {
        minDurationSec: 30,
        dispositions: ["ANSWERED"],
        employeeNumbers: [],
        departments: [],
      },
    });
    const badPatch = await callRoute(eventRoute.PATCH, {
      key,
      method: "PATCH",
      params: { id: event.id },
      body: { url: "x" },
    });
    expect(badPatch.status).toBe(422);

    const deleted = await callRoute(eventRoute.DELETE, {
      key,
      method: "DELETE",
      params: { id: event.id },
    });
    expect(deleted.status).toBe(204);
    expect((await callRoute(eventRoute.GET, { key, params: { id: event.id } })).status).toBe(404);
  });

  it("gives a signing request a whsec_ secret that survives a GET-then-PUT round trip", async () => {
    const { key } = await projectWithKey("signing");
    const body = {
      ...CRM_EVENT,
      requests: [{ ...CRM_EVENT.requests[1], signing: { enabled: true } }],
    };
    const { json: event } = await callRoute(eventsRoute.POST, { key, method: "POST", body });
    expect(event.requests[0].signing).toEqual({ enabled: true });
    const revealed = await callRoute(secretsRoute.GET, { key, params: { id: event.id } });
    const secret = revealed.json.requests[0].signingSecret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32,}$/);
    // What GET returns can be sent back as it is; read-only fields are ignored.
    const { json: fetched } = await callRoute(eventRoute.GET, { key, params: { id: event.id } });
    const {
      id: _id,
      trigger: _trigger,
      locked: _locked,
      createdAt: _c,
      updatedAt: _u,
      ...editable
    } = fetched;
    const put = await callRoute(eventRoute.PUT, {
      key,
      method: "PUT",
      params: { id: event.id },
      body: editable,
    });
    expect(put.status).toBe(200);
    expect(put.json.requests[0].signing).toEqual({ enabled: true });
    expect(put.json.requests[0].id).toBe(event.requests[0].id);
    const after = await callRoute(secretsRoute.GET, { key, params: { id: event.id } });
    expect(after.json.requests[0].signingSecret).toBe(secret);
  });

  it("refuses to edit or delete the locked default event, but lets it be disabled", async () => {
    const { key } = await projectWithKey("locked");
    const { json: list } = await callRoute(eventsRoute.GET, { key });
    const ga = list.webhookEvents.find((e: { locked: boolean }) => e.locked);
    expect(ga.name).toBe("Google Analytics");
    const put = await callRoute(eventRoute.PUT, {
      key,
      method: "PUT",
      params: { id: ga.id },
      body: CRM_EVENT,
    });
    expect(put.status).toBe(409);
    expect(put.json.error.code).toBe("locked");
    const del = await callRoute(eventRoute.DELETE, {
      key,
      method: "DELETE",
      params: { id: ga.id },
    });
    expect(del.status).toBe(409);
    const rename = await callRoute(eventRoute.PATCH, {
      key,
      method: "PATCH",
      params: { id: ga.id },
      body: { name: "Mine" },
    });
    expect(rename.status).toBe(409);
    const disable = await callRoute(eventRoute.PATCH, {
      key,
      method: "PATCH",
      params: { id: ga.id },
      body: { enabled: false },
    });
    expect(disable.status).toBe(200);
    expect(disable.json.enabled).toBe(false);
  });

  it("copies to another type only when the missing variables are fixed or removal is confirmed", async () => {
    const { projectId, key } = await projectWithKey("copy");
    const { json: event } = await callRoute(eventsRoute.POST, {
      key,
      method: "POST",
      body: CRM_EVENT,
    });
    const before = await db.webhookEvent.count({ where: { projectId } });

    const refused = await callRoute(copyRoute.POST, {
      key,
      method: "POST",
      params: { id: event.id },
      body: { type: "outgoing.before_call" },
    });
    expect(refused.status).toBe(422);
    const missingVariables = refused.json.error.missing.map(
      (m: { variable: string }) => m.variable,
    );
    expect(new Set(missingVariables)).toEqual(new Set(["utm_source", "utm_medium", "duration"]));
    expect(refused.json.error.missing).toContainEqual(
      expect.objectContaining({ path: "requests[0].params[1].items[0]", variable: "utm_source" }),
    );
    expect(await db.webhookEvent.count({ where: { projectId } })).toBe(before);

    const copied = await callRoute(copyRoute.POST, {
      key,
      method: "POST",
      params: { id: event.id },
      body: { type: "outgoing.before_call", removeMissing: true },
    });
    expect(copied.status).toBe(201);
    expect(copied.json).toMatchObject({
      name: "Copy of CRM: call finished",
      type: "outgoing.before_call",
      locked: false,
    });
    expect(copied.json.requests[0].params[1]).toEqual({ name: "utm", type: "array", items: [] });
    expect(copied.json.requests[1].params).toEqual([]);
    expect(copied.json.id).not.toBe(event.id);

    const sameType = await callRoute(copyRoute.POST, {
      key,
      method: "POST",
      params: { id: event.id },
      body: { type: "incoming.after_evaluation", name: "Evaluation copy" },
    });
    expect(sameType.status).toBe(201);
    expect(sameType.json.requests).toEqual(
      event.requests.map((r: { id: string }) => ({ ...r, id: expect.any(String) })),
    );
  });

  it("copies the locked default event into an editable one", async () => {
    const { key } = await projectWithKey("copy-ga");
    const { json: list } = await callRoute(eventsRoute.GET, { key });
    const ga = list.webhookEvents.find((e: { locked: boolean }) => e.locked);
    const copy = await callRoute(copyRoute.POST, {
      key,
      method: "POST",
      params: { id: ga.id },
      body: { type: "incoming.after_call" },
    });
    expect(copy.status).toBe(201);
    expect(copy.json).toMatchObject({ name: "Copy of Google Analytics", locked: false });
    const rename = await callRoute(eventRoute.PATCH, {
      key,
      method: "PATCH",
      params: { id: copy.json.id },
      body: { name: "GA, mine" },
    });
    expect(rename.status).toBe(200);
  });

  it("answers 404 for another project's event ids", async () => {
    const alice = await projectWithKey("alice");
    const bob = await projectWithKey("bob");
    const { json: event } = await callRoute(eventsRoute.POST, {
      key: alice.key,
      method: "POST",
      body: CRM_EVENT,
    });
    const params = { id: event.id };
    expect((await callRoute(eventRoute.GET, { key: bob.key, params })).status).toBe(404);
    expect(
      (await callRoute(eventRoute.PUT, { key: bob.key, method: "PUT", params, body: CRM_EVENT }))
        .status,
    ).toBe(404);
    expect(
      (
        await callRoute(eventRoute.PATCH, {
          key: bob.key,
          method: "PATCH",
          params,
          body: { enabled: false },
        })
      ).status,
    ).toBe(404);
    expect(
      (await callRoute(eventRoute.DELETE, { key: bob.key, method: "DELETE", params })).status,
    ).toBe(404);
    expect(
      (
        await callRoute(copyRoute.POST, {
          key: bob.key,
          method: "POST",
          params,
          body: { type: "incoming.after_call" },
        })
      ).status,
    ).toBe(404);
    const stillThere = await callRoute(eventRoute.GET, { key: alice.key, params });
    expect(stillThere.json).toEqual(event);
  });

  it("lists the trigger types and the variables each carries", async () => {
    const { key } = await projectWithKey("catalog");
    const { status, json } = await callRoute(catalogRoute.GET, { key });
    expect(status).toBe(200);
    expect(json.triggerTypes).toHaveLength(7);
    const before = json.triggerTypes.find((t: { id: string }) => t.id === "incoming.before_call");
    expect(before).toMatchObject({ group: "Incoming call", label: "before the call" });
    expect(before.variables).not.toContain("duration");
    expect(json.variables.find((v: { id: string }) => v.id === "duration")).toMatchObject({
      type: "number",
    });
  });
});
