// Inputs the fuzz suite found answered wrongly (a 500, a message naming nothing, a bad value
// stored), kept as plain tests on both engines.
import "../helpers/fresh-database";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as hourlyRoute from "@/app/api/v1/deliveries/hourly/route";
import * as deliveriesRoute from "@/app/api/v1/deliveries/route";
import * as inviteRoute from "@/app/api/v1/invites/[id]/route";
import * as memberRoute from "@/app/api/v1/members/[id]/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import * as previewRoute from "@/app/api/v1/render-preview/route";
import * as eventRoute from "@/app/api/v1/webhook-events/[id]/route";
import * as secretsRoute from "@/app/api/v1/webhook-events/[id]/secrets/route";
import * as eventsRoute from "@/app/api/v1/webhook-events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { callRoute } from "../helpers/api";
import { createUserWithProject } from "../helpers/factories";
import { fuzz } from "../helpers/fuzz";
import { eventDocument, previewDocument } from "../helpers/fuzz-documents";

let key: string;
let eventId: string;

beforeAll(async () => {
  const { project } = await createUserWithProject("findings");
  key = (await createApiKey(project.id, { name: "CRM" })).key;
  const event = await db.webhookEvent.findFirstOrThrow({ where: { projectId: project.id } });
  eventId = event.id;
});

function withRequest(change: (request: Record<string, unknown>) => void) {
  const document = eventDocument() as { requests: Array<Record<string, unknown>> };
  change(document.requests[0] as Record<string, unknown>);
  return document;
}

describe("inputs the fuzz found", () => {
  it("a NUL in a path id is the resource's 404, not a 500 from PostgreSQL", async () => {
    for (const id of ["a\u0000{", "я".repeat(106)]) {
      const response = await callRoute(eventRoute.GET, { key, params: { id } });
      expect(response).toEqual({
        status: 404,
        json: { error: { code: "not_found", message: "Webhook event not found" } },
      });
    }
  });

  it("a malformed member, invite or event id is that resource's 404, not a nameless one", async () => {
    const cases = [
      [memberRoute.PATCH, "PATCH", "Member not found"],
      [memberRoute.DELETE, "DELETE", "Member not found"],
      [inviteRoute.DELETE, "DELETE", "Pending invite not found"],
      [secretsRoute.GET, "GET", "Webhook event not found"],
    ] as const;
    for (const [handler, method, message] of cases) {
      const response = await callRoute(handler, {
        key,
        method,
        params: { id: "sM&p&;" },
        body: method === "PATCH" ? { role: "viewer" } : undefined,
      });
      expect(response).toEqual({ status: 404, json: { error: { code: "not_found", message } } });
    }
  });

  it("an ingest-only key cannot list projects: 403 naming the admin scope", async () => {
    const { project } = await createUserWithProject("findings-ingest");
    const ingest = await createApiKey(project.id, { name: "PBX", scopes: ["ingest"] });
    const response = await callRoute(projectsRoute.GET, { key: ingest.key });
    expect(response).toEqual({
      status: 403,
      json: {
        error: {
          code: "forbidden",
          message: "This API key lacks the admin scope",
          requiredScope: "admin",
        },
      },
    });
  });

  it("a body that is a number names the body", async () => {
    const response = await callRoute(eventRoute.PATCH, {
      key,
      method: "PATCH",
      params: { id: eventId },
      body: 968580973,
    });
    expect(response.status).toBe(422);
    expect(response.json.error).toMatchObject({
      field: "body",
      message: "body: Invalid input: expected object, received number",
    });
  });

  it("a URL with a NUL or a control character is refused, and nothing is stored", async () => {
    const before = await db.webhookRequest.count();
    for (const url of ["https://crm.example.com/a b\u0000", "https://crm.example.com/a\u0007b"]) {
      const body = withRequest((request) => {
        request.url = url;
      });
      const response = await callRoute(eventsRoute.POST, { key, method: "POST", body });
      expect(response.status).toBe(422);
      expect(response.json.error.field).toBe("requests[0].url");
    }
    expect(await db.webhookRequest.count()).toBe(before);
  });

  it("a template with a NUL is refused by the preview as by saving", async () => {
    const body = previewDocument() as {
      request: { params: Array<{ fields?: Array<{ value: string }> }> };
    };
    const field = body.request.params[1]?.fields?.[0];
    if (field) field.value = "aBk/\u0000";
    const response = await callRoute(previewRoute.POST, { key, method: "POST", body });
    expect(response.status).toBe(422);
    expect(response.json.error).toMatchObject({
      field: "request.params[1].fields[0].value",
      message:
        "request.params[1].fields[0].value: contains a NUL character or a broken UTF-16 pair",
    });
  });

  it("a name with a lone surrogate or a line break is refused, not stored as U+FFFD", async () => {
    for (const name of ["aU\udfff", "two\nlines"]) {
      const response = await callRoute(eventRoute.PATCH, {
        key,
        method: "PATCH",
        params: { id: eventId },
        body: { name },
      });
      expect(response.status).toBe(422);
      expect(response.json.error.field).toBe("name");
    }
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id: eventId } });
    expect(stored.name).not.toMatch(/\ufffd|\n/);
  });

  it("the hourly chart refuses a repeated parameter, like the list", async () => {
    const request = new Request(
      "http://localhost/api/v1/deliveries/hourly?from=2026-11-01&from=x",
      { headers: { "Auth-key": key } },
    );
    const response = await hourlyRoute.GET(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({ field: "from" });
  });

  it("a search with a NUL is refused, naming q", async () => {
    const request = new Request("http://localhost/api/v1/deliveries?q=a%00b", {
      headers: { "Auth-key": key },
    });
    const response = await deliveriesRoute.GET(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(422);
    expect((await response.json()).error).toMatchObject({ field: "q" });
  });
});

describe("the fuzz runner itself", () => {
  const oneInput = fc.constant({ input: 0, names: "", why: "the only input" });
  /** What the runner reports: fast-check's message and the error it caught. */
  const report = (run: Promise<unknown>) =>
    run.then(
      () => "passed",
      (error: Error) => `${error.message}\n${String(error.cause)}`,
    );

  it("fails when a rejected input writes a row, and prints the seed", async () => {
    const text = await report(
      fuzz(
        oneInput,
        async () => {
          await db.loginFailure.create({ data: { key: "fuzz-self-test" } });
        },
        { runs: 1 },
      ),
    );
    expect(text).toMatch(/seed: -?\d+/);
    expect(text).toMatch(/1 row writes after a rejected input; rows of LoginFailure differ/);
    await db.loginFailure.deleteMany({ where: { key: "fuzz-self-test" } });
  });

  it("fails when a rejected input writes a row and puts it back", async () => {
    const text = await report(
      fuzz(
        oneInput,
        async () => {
          const row = await db.loginFailure.create({ data: { key: "fuzz-self-test" } });
          await db.loginFailure.delete({ where: { id: row.id } });
        },
        { runs: 1 },
      ),
    );
    expect(text).toMatch(/2 row writes .* no table \(written and put back\)/);
  });
});
