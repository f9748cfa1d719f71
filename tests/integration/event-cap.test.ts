import "../helpers/fresh-database";
import "../helpers/small-event-cap";

import { describe, expect, it } from "vitest";
import { POST as copyEvent } from "@/app/api/v1/webhook-events/[id]/copy/route";
import { POST as createEvent } from "@/app/api/v1/webhook-events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { callRoute } from "../helpers/api";
import { createUserWithProject } from "../helpers/factories";

const event = (name: string) => ({
  name,
  type: "incoming.after_call",
  requests: [{ url: "https://crm.example.com/hook", method: "POST" }],
});

describe("events per project", () => {
  it("stops at MAX_EVENTS_PER_PROJECT for create and copy alike, saying why, and counts per project", async () => {
    const { project } = await createUserWithProject("cap");
    const { key } = await createApiKey(project.id, { name: "API" });
    // Every project starts with its default event: two more reach the cap of 3.
    const first = await callRoute(createEvent, { key, method: "POST", body: event("One") });
    expect(first.status).toBe(201);
    expect((await callRoute(createEvent, { key, method: "POST", body: event("Two") })).status).toBe(
      201,
    );

    const refused = await callRoute(createEvent, { key, method: "POST", body: event("Three") });
    expect(refused.status).toBe(422);
    expect(refused.json.error.message).toBe(
      "A project can have at most 3 events; delete one before adding another",
    );
    const copied = await callRoute(copyEvent, {
      key,
      method: "POST",
      params: { id: first.json.id },
      body: { type: "incoming.answered" },
    });
    expect(copied.status).toBe(422);
    expect(await db.webhookEvent.count({ where: { projectId: project.id } })).toBe(3);

    // Another project has its own count.
    const other = await createUserWithProject("cap-other");
    const otherKey = (await createApiKey(other.project.id, { name: "API" })).key;
    expect(
      (await callRoute(createEvent, { key: otherKey, method: "POST", body: event("One") })).status,
    ).toBe(201);
  });
});
