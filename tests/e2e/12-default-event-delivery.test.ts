import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { appUrl, clearReceived, waitForReceived } from "./support/context";
import { disconnectAppDatabase, seedUserWithProject } from "./support/seed";

describe("the default Google Analytics event", () => {
  let seeded: Awaited<ReturnType<typeof seedUserWithProject>>;

  beforeAll(async () => {
    seeded = await seedUserWithProject("ga");
    const { updateProjectSettings } = await import("@/lib/projects/service");
    await updateProjectSettings(seeded.project.id, {
      name: "GA project",
      timeZone: "Europe/Kyiv",
      gaMeasurementId: "G-TEST123",
      gaApiSecret: "mp-secret",
    });
    await clearReceived();
  });

  afterAll(async () => {
    await disconnectAppDatabase();
  });

  it("sends a finished incoming call to the Measurement Protocol through the delivery worker", async () => {
    const sample = sampleCallFor("incoming.after_call");
    const response = await fetch(appUrl("/api/v1/call-events"), {
      method: "POST",
      headers: { "Auth-key": seeded.key, "Content-Type": "application/json" },
      body: JSON.stringify({
        id: "ga-call-1",
        type: "incoming.after_call",
        occurredAt: sample.occurredAt,
        call: sample.call,
      }),
    });
    expect(response.status).toBe(202);
    const { deliveries } = await response.json();
    expect(deliveries).toHaveLength(1);

    const hit = await waitForReceived((r) => r.url.startsWith("/mp/collect"));
    expect(hit.method).toBe("POST");
    expect(hit.url).toBe("/mp/collect?measurement_id=G-TEST123&api_secret=mp-secret");
    expect(hit.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(hit.headers["x-webhook-delivery"]).toBe(deliveries[0]);
    const body = JSON.parse(hit.body);
    expect(body.client_id).toBe(sample.call.client_id);
    expect(body.events).toEqual([
      expect.objectContaining({
        name: "phone_call",
        params: expect.objectContaining({
          call_id: sample.call.uniqueid,
          duration: sample.call.duration,
        }),
      }),
    ]);
  });
});
