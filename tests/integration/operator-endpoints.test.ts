import "../helpers/fresh-database";
import "../helpers/metrics-token";
import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as ready } from "@/app/api/ready/route";
import { db } from "@/lib/db/client";
import { metrics } from "@/lib/observability/metrics";
import { TEST_ENGINE } from "../helpers/fresh-database";
import { TEST_METRICS_TOKEN } from "../helpers/metrics-token";
import { createDelivery, createFixture } from "./deliveries-fixtures";

function scrape(authorization?: string): Promise<Response> {
  const headers = new Headers();
  if (authorization !== undefined) headers.set("Authorization", authorization);
  return metricsRoute(new Request("http://localhost/api/metrics", { headers }));
}

/** The value of one sample line of the Prometheus text, e.g. `webhooks_queue_depth{state="due"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe(`operator endpoints (${TEST_ENGINE})`, () => {
  it("/api/health answers while the process is up", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("/api/ready is 200 on a migrated database and 503 naming a migration it lacks", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });

    const [last] = await db.$queryRawUnsafe<Array<{ migration_name: string }>>(
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`,
    );
    const name = last?.migration_name ?? "";
    await db.$executeRawUnsafe(
      `UPDATE "_prisma_migrations" SET rolled_back_at = finished_at WHERE migration_name = '${name}'`,
    );
    try {
      const notReady = await ready();
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({
        status: "not_ready",
        reason: `migrations not applied: ${name}`,
      });
    } finally {
      await db.$executeRawUnsafe(
        `UPDATE "_prisma_migrations" SET rolled_back_at = NULL WHERE migration_name = '${name}'`,
      );
    }
  });

  it("/api/metrics wants the bearer token", async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape("Bearer not-the-token-at-all")).status).toBe(401);
    expect((await scrape(TEST_METRICS_TOKEN)).status).toBe(401);
    const response = await scrape(`Bearer ${TEST_METRICS_TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it("reports the shared queue as the database holds it, and the process's counters", async () => {
    const fixture = await createFixture("metrics");
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await createDelivery(fixture, { status: "pending", createdAt: minutesAgo(5) });
    await createDelivery(fixture, { status: "pending", createdAt: minutesAgo(1) });
    await createDelivery(fixture, {
      status: "pending",
      createdAt: new Date(Date.now() + 3_600_000),
    });
    await createDelivery(fixture, { status: "sending" });
    await createDelivery(fixture, { status: "failed" });
    metrics().callEventsIngested.inc(3);
    metrics().deliveriesCompleted.inc({ outcome: "failed" });
    metrics().attemptDuration.observe({ outcome: "failed" }, 0.2);

    const text = await (await scrape(`Bearer ${TEST_METRICS_TOKEN}`)).text();

    expect(sample(text, 'webhooks_queue_depth{state="due"}')).toBe(2);
    expect(sample(text, 'webhooks_queue_depth{state="scheduled"}')).toBe(1);
    expect(sample(text, 'webhooks_queue_depth{state="sending"}')).toBe(1);
    // The older due delivery has waited five minutes (and the scrape a moment more).
    const age = sample(text, "webhooks_queue_oldest_due_age_seconds") ?? 0;
    expect(age).toBeGreaterThanOrEqual(300);
    expect(age).toBeLessThan(3600);
    expect(sample(text, "webhooks_call_events_ingested_total")).toBe(3);
    expect(sample(text, 'webhooks_deliveries_completed_total{outcome="failed"}')).toBe(1);
    expect(sample(text, 'webhooks_attempt_duration_seconds_count{outcome="failed"}')).toBe(1);
    expect(text).toContain("# TYPE webhooks_worker_in_flight gauge");
  });
});
