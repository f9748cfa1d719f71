import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import "../helpers/metrics-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { db } from "@/lib/db/client";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { startWorker } from "@/lib/dispatch/worker";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import { TEST_ENGINE } from "../helpers/fresh-database";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";
import { TEST_METRICS_TOKEN } from "../helpers/metrics-token";

let receiver: LoopbackServer;
let releaseHeld: () => void = () => {};

beforeAll(async () => {
  // /ok answers 200; /gone answers 410 (a final failure, no retry); /held waits to be released.
  receiver = await startLoopbackServer((request, response) => {
    if (request.target.startsWith("/gone")) response.writeHead(410).end("gone");
    else if (request.target.startsWith("/held"))
      releaseHeld = () => {
        releaseHeld = () => {};
        response.writeHead(200).end("ok");
      };
    else response.writeHead(200).end("ok");
  });
});

afterAll(async () => {
  releaseHeld();
  await receiver.close();
});

async function scrape(): Promise<string> {
  const headers = new Headers({ Authorization: `Bearer ${TEST_METRICS_TOKEN}` });
  return (await metricsRoute(new Request("http://localhost/api/metrics", { headers }))).text();
}

function sample(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe(`the engine's metrics (${TEST_ENGINE})`, () => {
  it("count call events, outcomes and attempts, and show what is in flight", async () => {
    const { project } = await createUserWithProject("metrics");
    await db.webhookEvent.updateMany({
      where: { projectId: project.id },
      data: { enabled: false },
    });
    await createWebhookEvent(project.id, {
      name: "Two CRMs",
      type: "incoming.after_call",
      requests: [
        { url: `${receiver.origin}/ok`, method: "POST" },
        { url: `${receiver.origin}/gone`, method: "POST" },
      ],
    });
    const sample0 = sampleCallFor("incoming.after_call");
    const call = {
      id: "metrics-1",
      type: "incoming.after_call",
      occurredAt: sample0.occurredAt,
      call: sample0.call,
    };
    const before = await scrape();
    await ingestCallEvent(project.id, call);
    // The same id again stores nothing, so it is not counted again.
    await ingestCallEvent(project.id, call);

    const worker = startWorker({ concurrency: 4, pollMs: 100, leaseMs: 60_000 });
    try {
      await worker.idle();
      await until(
        async () =>
          (await db.delivery.count({ where: { status: { in: ["succeeded", "failed"] } } })) === 2,
        "both deliveries to finish",
      );
      const after = await scrape();
      const delta = (series: string) => sample(after, series) - sample(before, series);
      expect(delta("webhooks_call_events_ingested_total")).toBe(1);
      expect(delta('webhooks_deliveries_completed_total{outcome="succeeded"}')).toBe(1);
      expect(delta('webhooks_deliveries_completed_total{outcome="failed"}')).toBe(1);
      expect(delta('webhooks_attempt_duration_seconds_count{outcome="succeeded"}')).toBe(1);
      expect(delta('webhooks_attempt_duration_seconds_count{outcome="failed"}')).toBe(1);
      expect(sample(after, "webhooks_worker_in_flight")).toBe(0);

      // A receiver that has not answered yet: the attempt is in flight until it does.
      await createWebhookEvent(project.id, {
        name: "Slow CRM",
        type: "incoming.answered",
        requests: [{ url: `${receiver.origin}/held`, method: "POST" }],
      });
      const answered = sampleCallFor("incoming.answered");
      await ingestCallEvent(project.id, {
        type: "incoming.answered",
        occurredAt: answered.occurredAt,
        call: answered.call,
      });
      await until(
        async () => receiver.requests.some((request) => request.target.startsWith("/held")),
        "the held request to arrive",
      );
      expect(sample(await scrape(), "webhooks_worker_in_flight")).toBe(1);
      releaseHeld();
      await until(
        async () => sample(await scrape(), "webhooks_worker_in_flight") === 0,
        "the held attempt to finish",
      );
    } finally {
      await worker.stop();
    }
  });
});
