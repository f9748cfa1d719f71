import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { POST as postPreview } from "@/app/api/v1/render-preview/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { webhookRequestSchema } from "@/lib/model/event-schema";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { renderRequest, toCurl } from "@/lib/render";
import { callRoute } from "../helpers/api";
import { createUserWithProject } from "../helpers/factories";

const REQUEST = {
  url: "https://crm.example.com:8443/calls/{{uniqueid}}?src=ringo",
  method: "POST",
  format: "json-rpc",
  rpcMethod: "call.finished",
  dateFormat: "dmy",
  params: [
    { name: "started", type: "text", value: "{{calldate}}" },
    { name: "{{Имя сотрудника}}", type: "text", value: "{{employee_fio}}" },
    { name: "duration", type: "text", value: "{{duration}}" },
  ],
};

describe("POST /api/v1/render-preview", () => {
  it("answers exactly what the renderer produces for the sample call", async () => {
    const { project } = await createUserWithProject("preview");
    const { key } = await createApiKey(project.id, { name: "API" });
    const response = await callRoute(postPreview, {
      key,
      method: "POST",
      body: { type: "incoming.after_call", request: REQUEST },
    });
    expect(response.status).toBe(200);

    const sample = sampleCallFor("incoming.after_call");
    const expected = renderRequest(webhookRequestSchema.parse(REQUEST), sample.call, {
      projectId: project.id,
      timeZone: "Europe/Kyiv",
      eventType: "incoming.after_call",
      eventTime: sample.occurredAt,
      deliveryId: "preview",
    });
    expect(response.json).toEqual({
      method: expected.method,
      url: expected.url,
      headers: expected.headers,
      body: new TextDecoder().decode(expected.body ?? new Uint8Array()),
      curl: toCurl(expected),
    });
    const body = JSON.parse(response.json.body);
    expect(body).toMatchObject({ jsonrpc: "2.0", method: "call.finished", id: "preview" });
    expect(body.params["Имя сотрудника"]).toBe(sample.call.employee_fio);
    expect(typeof body.params.duration).toBe("number");
  });

  it("renders a given call instead of the sample, validated against the type", async () => {
    const { project } = await createUserWithProject("preview-call");
    const { key } = await createApiKey(project.id, { name: "API" });
    const call = { ...sampleCallFor("incoming.after_call").call, uniqueid: "42.1", duration: 7 };
    const ok = await callRoute(postPreview, {
      key,
      method: "POST",
      body: { type: "incoming.after_call", request: REQUEST, call },
    });
    expect(ok.json.url).toBe("https://crm.example.com:8443/calls/42.1?src=ringo");
    expect(JSON.parse(ok.json.body).params.duration).toBe(7);

    const bad = await callRoute(postPreview, {
      key,
      method: "POST",
      body: { type: "incoming.after_call", request: REQUEST, call: { ...call, duration: "long" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.field).toBe("call.duration");
  });

  it("answers 422 naming the path for a bad request or a variable the type lacks", async () => {
    const { project } = await createUserWithProject("preview-bad");
    const { key } = await createApiKey(project.id, { name: "API" });
    const lacking = await callRoute(postPreview, {
      key,
      method: "POST",
      body: { type: "incoming.before_call", request: REQUEST },
    });
    expect(lacking.status).toBe(422);
    expect(lacking.json.error.message).toMatch(
      /^request\.params\[\d\]\.value: \{\{\w+\}\} is not available for Incoming call: before the call$/,
    );
    const badName = await callRoute(postPreview, {
      key,
      method: "POST",
      body: {
        type: "incoming.after_call",
        request: { ...REQUEST, params: [{ name: "Имя", type: "text", value: "x" }] },
      },
    });
    expect(badName.json.error.field).toBe("request.params[0].name");
  });
});
