import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { apiKeyRoute, json } from "@/lib/http/route";
import { captureLog } from "../helpers/capture-log";
import { createUserWithProject } from "../helpers/factories";

async function call(
  handler: ReturnType<typeof apiKeyRoute>,
  headers: Record<string, string>,
): Promise<Response> {
  const request = new Request("http://localhost/api/v1/things", { headers });
  return handler(request, { params: Promise.resolve({}) });
}

describe("request ids", () => {
  it("answer every request with an X-Request-Id, keeping a well-formed one the caller sent", async () => {
    const { project } = await createUserWithProject("request-ids");
    const { key } = await createApiKey(project.id, { name: "API" });
    const route = apiKeyRoute({}, async () => json({ ok: true }));

    const fresh = await call(route, { "Auth-key": key });
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);

    const given = await call(route, { "Auth-key": key, "X-Request-Id": "lb-7f3a.42" });
    expect(given.headers.get("X-Request-Id")).toBe("lb-7f3a.42");

    const forged = await call(route, { "Auth-key": key, "X-Request-Id": "a b;c" });
    expect(forged.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);

    const refused = await call(route, {});
    expect(refused.status).toBe(401);
    expect(refused.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("log an unexpected error as one JSON line with the request id, and tell the caller none of it", async () => {
    const log = captureLog();
    const { project } = await createUserWithProject("request-ids-500");
    const { key } = await createApiKey(project.id, { name: "API" });
    const route = apiKeyRoute({}, async () => {
      throw new Error("connection to the database lost: password=hunter2 at db.internal");
    });

    const response = await call(route, { "Auth-key": key, "X-Request-Id": "req-500" });
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain("db.internal");
    expect(JSON.parse(body)).toEqual({
      error: { code: "internal", message: "Something went wrong on our side" },
    });

    const logged = log.entries();
    log.release();
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: "error",
        msg: "unexpected error",
        requestId: "req-500",
        method: "GET",
        path: "/api/v1/things",
        err: expect.objectContaining({
          message: expect.stringContaining("connection to the database lost"),
        }),
      }),
    );
  });
});
