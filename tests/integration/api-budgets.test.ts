import "../helpers/fresh-database";
import "../helpers/small-api-budgets";
import { describe, expect, it } from "vitest";
import { POST as postCallEvent } from "@/app/api/v1/call-events/route";
import { GET as getProject } from "@/app/api/v1/project/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createUserWithProject } from "../helpers/factories";

async function send(
  handler: typeof getProject,
  key: string,
  method = "GET",
  body?: unknown,
): Promise<Response> {
  const request = new Request("http://localhost/api/v1/x", {
    method,
    headers: { "Auth-key": key, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve({}) });
}

describe("request budgets", () => {
  it("answer 429 with Retry-After past a key's budget, ingest counted apart", async () => {
    const { project } = await createUserWithProject("budgets");
    const { key } = await createApiKey(project.id, { name: "API" });
    // API_REQUESTS_PER_SECOND=3: a bucket of 6.
    const statuses = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await send(getProject, key)).status);
    expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
    const refused = await send(getProject, key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    const body = await refused.json();
    expect(body.error.code).toBe("too_many_requests");
    expect(body.error.message).toMatch(
      /^Too many API requests for this API key; try again in \d+ s$/,
    );

    // The telephony platform's call events still go through on the same key.
    const sample = sampleCallFor("incoming.after_call");
    const ingest = await send(postCallEvent, key, "POST", {
      type: "incoming.after_call",
      occurredAt: sample.occurredAt,
      call: sample.call,
    });
    expect(ingest.status).toBe(202);

    // Another key of the same project has its own budget.
    const other = await createApiKey(project.id, { name: "Other" });
    expect((await send(getProject, other.key)).status).toBe(200);
  });
});
