import "../helpers/fresh-database";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DeliveryFilter } from "@/lib/delivery-log/contract";
import { getDeliveryDetail } from "@/lib/delivery-log/detail";
import { listDeliveries } from "@/lib/delivery-log/list";
import { resolveDeliveryFilter } from "@/lib/delivery-log/references";
import { deleteWebhookEvent } from "@/lib/webhooks/service";
import { createDelivery, createFixture, type Fixture } from "./deliveries-fixtures";

let f: Fixture;
let other: Fixture;
const ids: Record<string, string> = {};
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  f = await createFixture("list");
  other = await createFixture("other");
  const make = async (name: string, options: Parameters<typeof createDelivery>[1]) => {
    ids[name] = (await createDelivery(f, options)).id;
  };
  await make("old500", { createdAt: at("2026-11-20T10:00:00Z"), statusCode: 500 });
  await make("404", {
    createdAt: at("2026-11-25T10:00:00Z"),
    statusCode: 404,
    error: "HTTP 404 Not Found",
  });
  await make("timeout", {
    createdAt: at("2026-11-26T10:00:00Z"),
    errorKind: "timeout",
    error: "timeout: no response within 10000 ms",
    event: "bot",
  });
  await make("dns", {
    createdAt: at("2026-11-27T10:00:00Z"),
    errorKind: "dns",
    error: "DNS: crm.example.net does not resolve",
    url: "https://crm.example.net/a%20b_c",
  });
  await make("checked", {
    createdAt: at("2026-11-27T11:00:00Z"),
    checkedAt: at("2026-11-27T12:00:00Z"),
  });
  await make("ok", { createdAt: at("2026-11-27T12:00:00Z"), status: "succeeded" });
  await make("pending", { createdAt: at("2026-11-27T13:00:00Z"), status: "pending" });
  await make("new502", {
    createdAt: at("2026-11-28T10:00:00Z"),
    statusCode: 502,
    callId: "1795800000.777",
    caller: "380501112233",
    responseBody: `<html>${"x".repeat(400)}</html>`,
    attempts: 3,
  });
  await createDelivery(other, { createdAt: at("2026-11-28T10:00:00Z") });
});

async function list(filter: DeliveryFilter) {
  const page = await listDeliveries(f.projectId, filter);
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return { ...page, names: page.items.map((item) => names[item.id] ?? item.id) };
}

describe("listDeliveries", () => {
  it("lists failed, unchecked deliveries newest first with the total, by default", async () => {
    const page = await list({});
    expect(page.names).toEqual(["new502", "dns", "timeout", "404", "old500"]);
    expect(page.total).toBe(5);
    expect(page.nextCursor).toBeNull();
    const [first] = page.items;
    expect(first).toMatchObject({
      status: "failed",
      eventName: "CRM",
      triggerType: "incoming.after_call",
      trigger: { group: "Incoming call", label: "after the call" },
      eventId: f.eventId,
      requestId: f.requestId,
      method: "POST",
      httpStatus: 502,
      errorKind: "http_status",
      attempts: 3,
      callId: "1795800000.777",
      caller: "380501112233",
      createdAt: "2026-11-28T10:00:00.000Z",
      nextAttemptAt: null,
      checkedAt: null,
    });
    expect(first?.responseExcerpt).toHaveLength(300);
    expect(first?.responseExcerpt?.startsWith("<html>xxx")).toBe(true);
  });

  it("includes checked ones on request, and every result with result=all", async () => {
    expect((await list({ includeChecked: true })).names).toContain("checked");
    const all = await list({ result: "all" });
    expect(all.total).toBe(8);
    expect(all.names).toEqual(expect.arrayContaining(["ok", "pending", "checked"]));
    const pending = all.items.find((item) => item.id === ids.pending);
    expect(pending?.nextAttemptAt).toBe("2026-11-27T13:00:00.000Z");
  });

  it("filters by event, request, status class and error kind", async () => {
    expect((await list({ eventId: f.otherEventId })).names).toEqual(["timeout"]);
    expect((await list({ requestId: f.requestId })).total).toBe(4);
    expect((await list({ status: "5xx" })).names).toEqual(["new502", "old500"]);
    expect((await list({ status: "4xx" })).names).toEqual(["404"]);
    expect((await list({ status: "timeout" })).names).toEqual(["timeout"]);
    expect((await list({ status: "dns" })).names).toEqual(["dns"]);
    expect((await list({ status: "tls" })).names).toEqual([]);
    expect((await list({ result: "all", status: "5xx" })).names).toEqual([
      "new502",
      "checked",
      "old500",
    ]);
  });

  it("searches the URL, call id and caller, with % and _ matching only themselves", async () => {
    expect((await list({ q: "1795800000" })).names).toEqual(["new502"]);
    expect((await list({ q: "0501112" })).names).toEqual(["new502"]);
    expect((await list({ q: "CRM.EXAMPLE.NET" })).names).toEqual(["dns"]);
    expect((await list({ q: "a%20b_c" })).names).toEqual(["dns"]);
    expect((await list({ q: "%" })).names).toEqual(["dns"]);
    // "_" is no wildcard: "example_com" matches nothing, though "example.com" is everywhere.
    expect((await list({ q: "example_com" })).names).toEqual([]);
  });

  it("reads bare dates as whole days in the project's time zone (Europe/Kyiv, UTC+2)", async () => {
    // 2026-11-27 in Kyiv is 2026-11-26T22:00Z … 2026-11-27T22:00Z.
    expect((await list({ from: "2026-11-27", to: "2026-11-27" })).names).toEqual(["dns"]);
    expect((await list({ to: "2026-11-25" })).names).toEqual(["404", "old500"]);
    const hour = await list({ from: "2026-11-26T10:00:00Z", to: "2026-11-26T11:00:00Z" });
    expect(hour.names).toEqual(["timeout"]);
    expect((await list({ from: "2026-11-26T10:00:01Z" })).names).toEqual(["new502", "dns"]);
  });

  it("pages with a keyset cursor through rows with equal timestamps, none twice or lost", async () => {
    const same = at("2026-11-29T00:00:00Z");
    const created = await Promise.all(
      Array.from({ length: 7 }, () => createDelivery(f, { createdAt: same, callId: "same-time" })),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listDeliveries(f.projectId, { q: "same-time", cursor }, 3);
      expect(page.total).toBe(7);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(
      created
        .map((d) => d.id)
        .sort()
        .reverse(),
    );
    await db.delivery.deleteMany({ where: { callId: "same-time" } });
  });

  it("never shows another project's deliveries, even by its event id", async () => {
    expect((await list({ eventId: other.eventId })).total).toBe(0);
    expect((await listDeliveries(other.projectId, {})).total).toBe(1);
  });

  it("rejects an invalid filter or limit with a validation error naming it", async () => {
    await expect(listDeliveries(f.projectId, { status: "7xx" } as never)).rejects.toMatchObject({
      name: "ZodError",
    });
    await expect(listDeliveries(f.projectId, {}, 0)).rejects.toMatchObject({ field: "limit" });
  });
});

describe("resolveDeliveryFilter (the page's URL)", () => {
  it("drops invalid values and ids the project does not have, naming them", async () => {
    const { filter, dropped } = await resolveDeliveryFilter(f.projectId, {
      from: "2026-13-45",
      eventId: other.eventId,
      requestId: f.requestId,
      status: "5xx",
      view: "full",
    });
    expect(filter).toEqual({ requestId: f.requestId, status: "5xx" });
    expect(dropped.sort()).toEqual(["eventId", "from"]);
  });
});

describe("getDeliveryDetail", () => {
  it("returns the call event, every attempt as sent and received, and the curl", async () => {
    const detail = await getDeliveryDetail(f.projectId, ids.new502 ?? "");
    expect(detail).toMatchObject({
      id: ids.new502,
      attemptCount: 3,
      httpStatus: 502,
      callEvent: {
        id: f.callEventId,
        type: "incoming.after_call",
        occurredAt: "2026-11-27T08:18:08.000Z",
        call: { uniqueid: "1795767304.10452", caller: "380671234567" },
      },
      resendBlockedReason: null,
    });
    expect(detail.attempts.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(detail.attempts[2]).toMatchObject({
      startedAt: "2026-11-28T10:00:20.000Z",
      durationMs: 120,
      request: {
        method: "POST",
        url: "https://crm.example.com/hooks/calls",
        headers: [{ name: "Content-Type", value: "application/json; charset=utf-8" }],
        body: '{"call_id":"1795767304.10452"}',
      },
      response: { status: 502, headers: { "content-type": "text/plain" }, truncated: false },
      errorKind: "http_status",
    });
    expect(detail.attempts[2]?.response?.body).toHaveLength(413);
    expect(detail.curl).toContain(
      "curl --globoff --path-as-is -X POST 'https://crm.example.com/hooks/calls'",
    );
    expect(detail.curl).toContain(`--data-raw '{"call_id":"1795767304.10452"}'`);
  });

  it("says why a delivery cannot be sent again", async () => {
    expect((await getDeliveryDetail(f.projectId, ids.ok ?? "")).resendBlockedReason).toMatch(
      /delivered/,
    );
    const orphan = await createDelivery(f, { event: "bot", attempts: 0, rendered: false });
    await deleteWebhookEvent(f.projectId, f.otherEventId);
    const detail = await getDeliveryDetail(f.projectId, orphan.id);
    expect(detail.curl).toBeNull();
    expect(detail.resendBlockedReason).toMatch(/deleted before anything was sent/);
  });

  it("answers not found for another project's delivery", async () => {
    await expect(getDeliveryDetail(other.projectId, ids.new502 ?? "")).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
