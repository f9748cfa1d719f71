import "../helpers/fresh-database";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { hourlyCounts } from "@/lib/delivery-log/chart";
import { streamDeliveriesCsv } from "@/lib/delivery-log/csv";
import { startMaintenance } from "@/lib/dispatch/maintenance";
import { deleteExpiredDeliveries } from "@/lib/dispatch/retention";
import { parseCsv } from "../helpers/csv";
import { createDelivery, createFixture, type Fixture } from "./deliveries-fixtures";

async function readChunks(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString("utf8");

let f: Fixture;
beforeAll(async () => {
  f = await createFixture("export");
});

describe("streamDeliveriesCsv", () => {
  it("writes the filtered rows with a header, quoting what needs it", async () => {
    const tricky = await createDelivery(f, {
      createdAt: new Date("2026-11-28T10:00:00Z"),
      statusCode: 502,
      error: 'HTTP 502 Bad Gateway, said "nginx"',
      responseBody: "line one\r\nline two, with a comma",
      caller: "+380671234567",
      url: "https://crm.example.com/hooks?a=1&b=2",
    });
    await db.delivery.update({ where: { id: tricky.id }, data: { eventName: '=HYPERLINK("x")' } });
    const plain = await createDelivery(f, {
      createdAt: new Date("2026-11-27T10:00:00Z"),
      errorKind: "timeout",
      error: "timeout: no response within 10000 ms",
      caller: null,
    });
    await createDelivery(f, { status: "succeeded" });

    const chunks = await readChunks(streamDeliveriesCsv(f.projectId, {}));
    const csv = text(chunks);
    expect(csv.startsWith("\uFEFFid,created_at,")).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([
      "id",
      "created_at",
      "completed_at",
      "status",
      "checked_at",
      "event",
      "trigger",
      "method",
      "url",
      "http_status",
      "error_kind",
      "error",
      "response_excerpt",
      "attempts",
      "max_attempts",
      "call_id",
      "caller",
      "event_id",
      "request_id",
    ]);
    expect(rows).toHaveLength(2);
    const record = (row: string[] | undefined) =>
      Object.fromEntries((header ?? []).map((name, index) => [name, row?.[index]]));
    expect(record(rows[0])).toMatchObject({
      id: tricky.id,
      created_at: "2026-11-28T10:00:00.000Z",
      status: "failed",
      event: `'=HYPERLINK("x")`,
      trigger: "Incoming call: after the call",
      method: "POST",
      url: "https://crm.example.com/hooks?a=1&b=2",
      http_status: "502",
      error: 'HTTP 502 Bad Gateway, said "nginx"',
      response_excerpt: "line one\r\nline two, with a comma",
      caller: "+380671234567",
      event_id: f.eventId,
    });
    expect(record(rows[1])).toMatchObject({
      id: plain.id,
      http_status: "",
      error_kind: "timeout",
      caller: "",
    });
    const timeouts = text(
      await readChunks(streamDeliveriesCsv(f.projectId, { status: "timeout" }, { bom: false })),
    );
    expect(parseCsv(timeouts).map((row) => row[0])).toEqual(["id", plain.id]);
  });

  it("streams 3,000 rows page by page, never all at once", async () => {
    const base = Date.now() - 3_600_000;
    await db.delivery.createMany({
      data: Array.from({ length: 3000 }, (_, index) => ({
        projectId: f.projectId,
        callEventId: f.callEventId,
        eventName: "Bulk",
        triggerType: "incoming.after_call",
        callId: `bulk-${index}`,
        status: "failed",
        lastErrorKind: "dns",
        lastError: "DNS: crm.example.net does not resolve",
        createdAt: new Date(base + Math.floor(index / 3) * 1000),
      })),
    });
    const chunks = await readChunks(streamDeliveriesCsv(f.projectId, { q: "bulk-" }));
    // The header, then one chunk per page of 1,000 rows.
    expect(chunks.map((chunk) => text([chunk]).split("\r\n").length - 1)).toEqual([
      1, 1000, 1000, 1000,
    ]);
    const ids = parseCsv(text(chunks).slice(1))
      .slice(1)
      .map((row) => row[15]);
    expect(new Set(ids).size).toBe(3000);
    expect(ids[0]).toBe("bulk-2999");
  });

  it("refuses an invalid filter before writing anything", () => {
    expect(() => streamDeliveriesCsv(f.projectId, { from: "yesterday" })).toThrow();
  });
});

describe("hourlyCounts", () => {
  it("counts succeeded and failed per UTC hour, every hour present", async () => {
    const g = await createFixture("chart");
    const at = (iso: string) => new Date(iso);
    await createDelivery(g, { createdAt: at("2026-11-28T10:05:00Z"), status: "succeeded" });
    await createDelivery(g, { createdAt: at("2026-11-28T10:59:59Z"), status: "succeeded" });
    await createDelivery(g, { createdAt: at("2026-11-28T10:30:00Z"), event: "bot" });
    await createDelivery(g, { createdAt: at("2026-11-28T12:00:00Z") });
    await createDelivery(g, { createdAt: at("2026-11-28T12:10:00Z"), status: "pending" });
    await createDelivery(f, { createdAt: at("2026-11-28T12:00:00Z") });

    const buckets = await hourlyCounts(g.projectId, {
      from: at("2026-11-28T09:00:00Z"),
      to: at("2026-11-28T13:00:00Z"),
    });
    expect(buckets).toEqual([
      { hour: "2026-11-28T09:00:00.000Z", succeeded: 0, failed: 0 },
      { hour: "2026-11-28T10:00:00.000Z", succeeded: 2, failed: 1 },
      { hour: "2026-11-28T11:00:00.000Z", succeeded: 0, failed: 0 },
      { hour: "2026-11-28T12:00:00.000Z", succeeded: 0, failed: 1 },
    ]);
    const crm = await hourlyCounts(g.projectId, {
      from: at("2026-11-28T10:00:00Z"),
      to: at("2026-11-28T11:00:00Z"),
      eventId: g.eventId,
    });
    expect(crm).toEqual([{ hour: "2026-11-28T10:00:00.000Z", succeeded: 2, failed: 0 }]);

    const week = await hourlyCounts(g.projectId);
    expect(week).toHaveLength(7 * 24);
    const now = new Date();
    now.setUTCMinutes(0, 0, 0);
    expect(week.at(-1)?.hour).toBe(now.toISOString());
    await expect(
      hourlyCounts(g.projectId, {
        from: at("2026-01-01T00:00:00Z"),
        to: at("2026-11-01T00:00:00Z"),
      }),
    ).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("deleteExpiredDeliveries", () => {
  it("deletes old deliveries with their attempts, then call events left without deliveries", async () => {
    const r = await createFixture("retention");
    const now = new Date("2026-11-29T12:00:00Z");
    const old = new Date("2026-10-20T12:00:00Z");
    await db.callEvent.update({ where: { id: r.callEventId }, data: { receivedAt: old } });
    const keptCall = await db.callEvent.create({
      data: {
        projectId: r.projectId,
        triggerType: "incoming.after_call",
        occurredAt: old,
        receivedAt: old,
        call: {},
      },
    });
    const expired = await Promise.all(
      [1, 2, 3].map(() => createDelivery(r, { createdAt: old, attempts: 2 })),
    );
    const sending = await createDelivery(r, { createdAt: old, status: "sending" });
    await db.delivery.update({ where: { id: sending.id }, data: { callEventId: keptCall.id } });
    const recent = await createDelivery(r, { createdAt: new Date("2026-11-20T12:00:00Z") });

    const result = await deleteExpiredDeliveries({ olderThanDays: 30, batchSize: 2, now });
    expect(result).toEqual({ deliveries: 3, attempts: 6, callEvents: 0 });
    const left = await db.delivery.findMany({
      where: { projectId: r.projectId },
      select: { id: true },
    });
    expect(left.map((d) => d.id).sort()).toEqual([sending.id, recent.id].sort());
    expect(
      await db.attempt.count({ where: { deliveryId: { in: expired.map((d) => d.id) } } }),
    ).toBe(0);
    // The call event still has the recent delivery; the other one the delivery in flight.
    expect(await db.callEvent.count({ where: { id: { in: [r.callEventId, keptCall.id] } } })).toBe(
      2,
    );

    await db.delivery.delete({ where: { id: recent.id } });
    const again = await deleteExpiredDeliveries({ olderThanDays: 30, now });
    expect(again).toMatchObject({ deliveries: 0, callEvents: 1 });
    expect(await db.callEvent.findUnique({ where: { id: r.callEventId } })).toBeNull();
    expect(await deleteExpiredDeliveries({ olderThanDays: 0, now })).toEqual({
      deliveries: 0,
      attempts: 0,
      callEvents: 0,
    });
  });

  it("runs from the worker's maintenance", async () => {
    const m = await createFixture("maintenance");
    const ancient = await createDelivery(m, { createdAt: new Date(Date.now() - 40 * 86_400_000) });
    const messages: string[] = [];
    const maintenance = startMaintenance({ retentionDays: 30, log: (line) => messages.push(line) });
    await maintenance.runNow();
    maintenance.stop();
    expect(await db.delivery.findUnique({ where: { id: ancient.id } })).toBeNull();
    expect(messages.join("\n")).toMatch(/retention: deleted \d+ deliveries/);
  });
});
