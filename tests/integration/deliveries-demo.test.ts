import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hourlyCounts } from "@/lib/delivery-log/chart";
import { getDeliveryDetail } from "@/lib/delivery-log/detail";
import { listDeliveries } from "@/lib/delivery-log/list";
import { DEMO_EVENTS } from "@/lib/demo/events";
import { ensureDemoProject, seedDemoData } from "@/lib/demo/seed";

describe("seed:demo", () => {
  it("creates a demo user and project when there is none, and fills it with realistic deliveries", async () => {
    const { projectId, credentials } = await ensureDemoProject();
    expect(credentials?.email).toBe("demo@example.com");
    expect(credentials?.password).toMatch(/^demo-[0-9a-f]{12}$/);
    expect((await ensureDemoProject()).projectId).toBe(projectId);
    await expect(ensureDemoProject("nope")).rejects.toMatchObject({ code: "not_found" });

    const now = new Date();
    const result = await seedDemoData({ projectId, deliveries: 1500, now });
    expect(result).toMatchObject({ projectId, deliveries: 1500, events: DEMO_EVENTS.length });
    expect(result.succeeded + result.failed).toBe(1500);
    expect(result.failed / 1500).toBeGreaterThan(0.08);
    expect(result.failed / 1500).toBeLessThan(0.25);
    expect(await db.delivery.count({ where: { projectId } })).toBe(1500);
    expect(await db.attempt.count({ where: { delivery: { projectId } } })).toBe(result.attempts);
    expect(await db.callEvent.count({ where: { projectId } })).toBe(result.callEvents);

    const kinds = await db.delivery.groupBy({
      by: ["lastErrorKind"],
      where: { projectId, status: "failed" },
      _count: { _all: true },
    });
    expect(kinds.map((k) => k.lastErrorKind).sort()).toEqual(
      expect.arrayContaining(["connection", "dns", "http_status", "timeout", "tls"]),
    );
    const codes = await db.delivery.groupBy({
      by: ["lastStatusCode"],
      where: { projectId, status: "failed" },
    });
    expect(codes.map((c) => c.lastStatusCode)).toEqual(
      expect.arrayContaining([500, 502, 503, 404, 410]),
    );

    const paused = await db.webhookRequest.findMany({
      where: { pausedAt: { not: null }, event: { projectId } },
    });
    expect(paused).toHaveLength(1);
    expect(paused[0]?.pausedReason).toMatch(/410 Gone/);

    // What the app reads back is what the page shows: the list, the drawer, the chart.
    const page = await listDeliveries(projectId, {});
    expect(page.total).toBeGreaterThan(0);
    expect(page.total).toBeLessThanOrEqual(result.failed);
    const detail = await getDeliveryDetail(projectId, page.items[0]?.id ?? "");
    expect(detail.attempts).toHaveLength(detail.attemptCount);
    expect(detail.attempts[0]?.request.headers).toContainEqual({
      name: "X-Webhook-Delivery",
      value: detail.id,
    });
    expect(detail.curl).toContain(detail.url ?? "missing");
    expect(Date.parse(detail.createdAt)).toBeGreaterThan(now.getTime() - 7 * 86_400_000 - 1000);
    const buckets = await hourlyCounts(projectId, { to: now });
    const charted = buckets.reduce((n, b) => n + b.succeeded + b.failed, 0);
    const since = new Date(buckets[0]?.hour ?? 0);
    const inChart = await db.delivery.count({ where: { projectId, createdAt: { gte: since } } });
    expect(charted).toBe(inChart);
    expect(inChart).toBeGreaterThan(1450);

    // A second run adds deliveries to the same demo events.
    const more = await seedDemoData({ projectId, deliveries: 200, now });
    expect(more.deliveries).toBe(200);
    expect(
      await db.webhookEvent.count({ where: { projectId, name: { startsWith: "Demo: " } } }),
    ).toBe(DEMO_EVENTS.length);
  });
});
