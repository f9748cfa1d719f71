import { describe, expect, it } from "vitest";
import type { DeliveryListItem } from "@/lib/delivery-log/contract";
import { type CsvLabels, csvHeader, csvRow } from "@/lib/delivery-log/csv-format";

const ITEM: DeliveryListItem = {
  id: "d1",
  createdAt: "2026-12-01T10:00:00.000Z",
  completedAt: null,
  status: "failed",
  checkedAt: null,
  eventId: "e1",
  eventName: "Дзвінок у CRM",
  triggerType: "incoming.after_call",
  trigger: { group: "Incoming call", label: "after the call" },
  requestId: "r1",
  method: "POST",
  url: "https://crm.example.com/hook",
  httpStatus: 500,
  errorKind: "http_status",
  error: "HTTP 500",
  responseExcerpt: null,
  attempts: 1,
  maxAttempts: 1,
  nextAttemptAt: null,
  callId: "c1",
  caller: "380671234567",
};

const UKRAINIAN: CsvLabels = {
  column: (name) =>
    name === "id" ? "Ідентифікатор" : name === "trigger" ? "Момент дзвінка" : name,
  trigger: () => "Вхідний дзвінок: після дзвінка",
};

describe("CSV in the reader's language", () => {
  it("keeps the API's English column names and trigger words without labels", () => {
    expect(csvHeader().startsWith("id,created_at,")).toBe(true);
    expect(csvRow(ITEM)).toContain("Incoming call: after the call");
  });

  it("titles the columns and words the trigger with the labels, other cells unchanged", () => {
    const header = csvHeader(UKRAINIAN).trimEnd().split(",");
    expect(header[0]).toBe("Ідентифікатор");
    expect(header[6]).toBe("Момент дзвінка");
    expect(header).toHaveLength(csvHeader().trimEnd().split(",").length);
    const row = csvRow(ITEM, UKRAINIAN).trimEnd().split(",");
    expect(row[6]).toBe("Вхідний дзвінок: після дзвінка");
    expect(row[5]).toBe("Дзвінок у CRM");
    expect(row[0]).toBe("d1");
  });
});
