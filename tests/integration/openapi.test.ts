import "../helpers/fresh-database";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";

async function loadDocument() {
  const response = getOpenApi();
  expect(response.status).toBe(200);
  return response.json();
}

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const document = await loadDocument();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("accepts and rejects what the API accepts and rejects", async () => {
    const document = await loadDocument();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ ...document, $id: "https://webhooks.local/openapi.json" });
    const validate = ajv.getSchema(
      "https://webhooks.local/openapi.json#/components/schemas/WebhookEventInput",
    );
    if (!validate) throw new Error("WebhookEventInput is missing");

    const event = {
      name: "CRM",
      type: "incoming.after_call",
      requests: [
        {
          url: "https://crm.example.com/hooks",
          method: "POST",
          params: [
            {
              name: "client",
              type: "object",
              fields: [{ name: "tags", type: "array", items: ["{{call_type}}"] }],
            },
            { name: "sign", type: "md5", value: "{{uniqueid}}" },
          ],
        },
      ],
    };
    expect(validate(event), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...event, colour: "red" })).toBe(false);
    expect(validate({ ...event, type: "sometime" })).toBe(false);
    expect(validate({ ...event, requests: [{ ...event.requests[0], method: "DELETE" }] })).toBe(
      false,
    );
    const deepBad = {
      ...event.requests[0],
      params: [{ name: "x", type: "object", fields: [{ name: "y", type: "blob" }] }],
    };
    expect(validate({ ...event, requests: [deepBad] })).toBe(false);
  });

  it("describes the member and invite bodies the services accept", async () => {
    const document = await loadDocument();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ ...document, $id: "https://webhooks.local/openapi.json" });
    const schema = (name: string) => {
      const validate = ajv.getSchema(
        `https://webhooks.local/openapi.json#/components/schemas/${name}`,
      );
      if (!validate) throw new Error(`${name} is missing`);
      return validate;
    };
    const invite = schema("InviteInput");
    expect(invite({ email: "a@example.com", role: "viewer" })).toBe(true);
    expect(invite({ email: "a@example.com", role: "owner" })).toBe(false);
    expect(invite({ email: "a@example.com", role: "viewer", extra: 1 })).toBe(false);
    const role = schema("MemberRoleInput");
    expect(role({ role: "owner" })).toBe(true);
    expect(role({ role: "root" })).toBe(false);
  });

  it("documents every configuration route with the Auth-key scheme", async () => {
    const document = await loadDocument();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/project",
        "/api/v1/webhook-events",
        "/api/v1/webhook-events/{id}",
        "/api/v1/webhook-events/{id}/copy",
        "/api/v1/catalog",
        "/api/v1/render-preview",
        "/api/v1/call-events",
        "/api/v1/call-events/deliveries",
        "/api/v1/projects",
        "/api/v1/members",
        "/api/v1/members/{id}",
        "/api/v1/invites",
        "/api/v1/invites/{id}",
      ]),
    );
    expect(document.components.securitySchemes.apiKey).toEqual({
      type: "apiKey",
      in: "header",
      name: "Auth-key",
    });
  });

  it("names the scope each operation needs: ingest for call events, admin for the rest", async () => {
    const document = await loadDocument();
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { security?: unknown; responses?: object }>)
        .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
        .map(([method, operation]) => ({ at: `${method} ${path}`, operation })),
    );
    expect(operations.length).toBeGreaterThan(15);
    for (const { at, operation } of operations) {
      const scope = at === "post /api/v1/call-events" ? "ingest" : "admin";
      expect(operation.security, at).toEqual([{ apiKey: [scope] }]);
      expect(operation.responses, at).toHaveProperty("403");
    }
    expect(document.paths).toHaveProperty("/api/v1/webhook-events/{id}/secrets");
  });
});
