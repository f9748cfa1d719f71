// The CSV text of deliveries: columns, RFC 4180 quoting, formula guard. Pure, so unit-tested.
import type { DeliveryListItem } from "./contract";

const COLUMNS = [
  ["id", (d) => d.id],
  ["created_at", (d) => d.createdAt],
  ["completed_at", (d) => d.completedAt],
  ["status", (d) => d.status],
  ["checked_at", (d) => d.checkedAt],
  ["event", (d) => d.eventName],
  ["trigger", (d) => `${d.trigger.group}: ${d.trigger.label}`],
  ["method", (d) => d.method],
  ["url", (d) => d.url],
  ["http_status", (d) => d.httpStatus],
  ["error_kind", (d) => d.errorKind],
  ["error", (d) => d.error],
  ["response_excerpt", (d) => d.responseExcerpt],
  ["attempts", (d) => d.attempts],
  ["max_attempts", (d) => d.maxAttempts],
  ["call_id", (d) => d.callId],
  ["caller", (d) => d.caller],
  ["event_id", (d) => d.eventId],
  ["request_id", (d) => d.requestId],
] as const satisfies ReadonlyArray<
  readonly [string, (item: DeliveryListItem) => string | number | null]
>;

export type CsvColumn = (typeof COLUMNS)[number][0];

/**
 * Column titles and the trigger cell in the reader's language (the page's download); without
 * them the header row is the API's stable English names.
 */
export type CsvLabels = {
  column: (name: CsvColumn) => string;
  trigger: (item: DeliveryListItem) => string;
  /** The last attempt's stored error in the reader's language. */
  error?: (stored: string) => string;
};

// A spreadsheet runs a cell starting with = + - @ as a formula; response bodies and URLs come
// from outside, so such text gets a leading apostrophe. Numbers (a caller "+380…") stay as they are.
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?\d[\d\s().-]*$/;

/** One CSV field (RFC 4180): quoted when it holds a quote, comma or line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text) && !NUMBER_LIKE.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(values: Array<string | number | null>): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export function csvHeader(labels?: CsvLabels): string {
  return csvLine(COLUMNS.map(([name]) => (labels ? labels.column(name) : name)));
}

export function csvRow(item: DeliveryListItem, labels?: CsvLabels): string {
  return csvLine(
    COLUMNS.map(([name, read]) => {
      if (labels && name === "trigger") return labels.trigger(item);
      if (labels?.error && name === "error" && item.error) return labels.error(item.error);
      return read(item);
    }),
  );
}

/** `deliveries-2026-11-29-1015.csv` (UTC). */
export function csvFileName(now = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replace("T", "-").replace(":", "");
  return `deliveries-${stamp}.csv`;
}
