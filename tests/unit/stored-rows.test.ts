import { describe, expect, it } from "vitest";
import { parseRenderedSnapshot, toSnapshot } from "@/lib/dispatch/rendered-snapshot";
import type { WebhookEvent, WebhookRequest } from "@/lib/generated/prisma/client";
import { CorruptRowError } from "@/lib/model/stored";
import { parseWebhookEventRow, parseWebhookRequestRow } from "@/lib/webhooks/rows";
import { toWebhookRequestDto } from "@/lib/webhooks/serializers";

const NOW = new Date("2026-11-29T08:15:04Z");

function requestRow(columns: Partial<Record<keyof WebhookRequest, unknown>> = {}): WebhookRequest {
  const row: WebhookRequest = {
    id: "req_1",
    eventId: "evt_1",
    position: 0,
    url: "https://crm.example.com/hooks",
    method: "POST",
    format: "json",
    dateFormat: "standard",
    headers: [{ name: "Content-Type", value: "application/json; charset=utf-8" }],
    params: [{ name: "call_id", type: "text", value: "{{uniqueid}}" }],
    body: null,
    rpcMethod: null,
    timeoutMs: 10_000,
    retryAttempts: 4,
    retrySchedule: "exponential",
    signingEnabled: false,
    signingSecret: null,
    previousSigningSecret: null,
    previousSigningSecretUntil: null,
    consecutiveFailures: 0,
    pausedAt: null,
    pausedReason: null,
    maxInFlight: 8,
    ratePerSecond: null,
    rateWindowStart: null,
    rateWindowCount: 0,
    createdAt: NOW,
    updatedAt: NOW,
  };
  // Corrupt values are the point here, so they are put in past the row's column types.
  return Object.assign(row, columns);
}

function eventRow(columns: Partial<Record<keyof WebhookEvent, unknown>> = {}): WebhookEvent {
  const row: WebhookEvent = {
    id: "evt_1",
    projectId: "prj_1",
    name: "After the call",
    triggerType: "incoming.after_call",
    enabled: true,
    locked: false,
    conditions: null,
    position: 0,
    createdAt: NOW,
    updatedAt: NOW,
  };
  return Object.assign(row, columns);
}

function corruption(read: () => unknown): CorruptRowError {
  try {
    read();
  } catch (error) {
    if (error instanceof CorruptRowError) return error;
    throw error;
  }
  throw new Error("the corrupt row was read without an error");
}

describe("stored webhook request rows", () => {
  it("read back as the request that was saved", () => {
    expect(toWebhookRequestDto(requestRow())).toMatchObject({
      method: "POST",
      format: "json",
      params: [{ name: "call_id", type: "text", value: "{{uniqueid}}" }],
      retry: { attempts: 4, schedule: "exponential" },
    });
  });

  it.each([
    ["method", { method: "DELETE" }, /"DELETE"/],
    ["format", { format: "xml" }, /"xml"/],
    ["dateFormat", { dateFormat: "american" }, /"american"/],
    ["retrySchedule", { retrySchedule: "linear" }, /"linear"/],
    ["params", { params: { call_id: "{{uniqueid}}" } }, /expected array/],
    ["params[0].type", { params: [{ name: "x", type: "list", value: "1" }] }, /type/],
    ["headers", { headers: "Content-Type: text/plain" }, /expected array/],
    ["headers[0].value", { headers: [{ name: "X-Id", value: 7 }] }, /expected string/],
  ])("with a corrupt %s is an error naming the row and the column", (column, columns, detail) => {
    const error = corruption(() => parseWebhookRequestRow(requestRow(columns)));
    expect(error.table).toBe("WebhookRequest");
    expect(error.rowId).toBe("req_1");
    expect(error.column).toBe(column);
    expect(error.message).toMatch(
      new RegExp(
        `^WebhookRequest req_1: the stored ${column.replace(/[[\].]/g, "\\$&")} is corrupt: `,
      ),
    );
    expect(error.message).toMatch(detail);
  });

  it("fail where they are turned into the API's shape, not later", () => {
    expect(() => toWebhookRequestDto(requestRow({ method: "DELETE" }))).toThrow(
      /WebhookRequest req_1: the stored method is corrupt: .*found "DELETE"/,
    );
  });
});

describe("stored webhook event rows", () => {
  it("fill in conditions never set", () => {
    expect(parseWebhookEventRow(eventRow()).conditions).toEqual({
      employeeNumbers: [],
      departments: [],
      dispositions: [],
      minDurationSec: null,
    });
  });

  it("name a trigger type that does not exist", () => {
    const error = corruption(() => parseWebhookEventRow(eventRow({ triggerType: "sms.received" })));
    expect(error.message).toMatch(
      /^WebhookEvent evt_1: the stored triggerType is corrupt: .*"sms\.received"/,
    );
  });

  it("name conditions of the wrong shape", () => {
    const error = corruption(() =>
      parseWebhookEventRow(eventRow({ conditions: { minDurationSec: "ten" } })),
    );
    expect(error.column).toBe("conditions.minDurationSec");
  });
});

describe("stored rendered requests", () => {
  const snapshot = toSnapshot({
    method: "POST",
    url: "https://crm.example.com/hooks",
    headers: [{ name: "Content-Type", value: "application/json; charset=utf-8" }],
    body: new TextEncoder().encode('{"call_id":"1"}'),
  });

  it("read back as they were stored", () => {
    expect(parseRenderedSnapshot(JSON.parse(JSON.stringify(snapshot)), "dlv_1")).toEqual(snapshot);
  });

  it.each([
    ["method", { ...snapshot, method: "PATCH" }],
    ["body", { ...snapshot, body: "not base64!" }],
    ["url", { ...snapshot, url: undefined }],
    ["headers", { ...snapshot, headers: { "Content-Type": "text/plain" } }],
  ])("with a corrupt %s name the delivery and the column", (column, stored) => {
    const error = corruption(() => parseRenderedSnapshot(stored, "dlv_1"));
    expect(error.message).toMatch(
      new RegExp(`^Delivery dlv_1: the stored rendered\\.${column} is corrupt: `),
    );
  });
});
