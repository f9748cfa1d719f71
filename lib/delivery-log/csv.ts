// CSV export of every delivery matching a filter, streamed: rows are read in keyset pages and
// written as they come, so an export of a million rows holds one page in memory.
import type { DeliveryFilter } from "./contract";
import { type CsvLabels, csvHeader, csvRow } from "./csv-format";
import type { CursorKey } from "./cursor";
import { deliveryFilterSchema, withoutCursor } from "./filters";
import { type DateRange, deliveryWhere, resolveDateRange, selectDeliveryItems } from "./query";

export { csvFileName } from "./csv-format";

export const CSV_PAGE_SIZE = 1000;

/**
 * The matching deliveries as CSV (UTF-8, a BOM by default so spreadsheet programs read Cyrillic
 * right, CRLF line ends, header row first). The filter is validated at once (a ZodError throws
 * here, before any byte is sent); rows are read on demand, CSV_PAGE_SIZE at a time.
 */
export function streamDeliveriesCsv(
  projectId: string,
  filter: DeliveryFilter,
  options: { bom?: boolean; pageSize?: number; labels?: CsvLabels } = {},
): ReadableStream<Uint8Array> {
  const parsed = withoutCursor(deliveryFilterSchema.parse(filter));
  const pageSize = options.pageSize ?? CSV_PAGE_SIZE;
  const encoder = new TextEncoder();
  let range: DateRange | null = null;
  let after: CursorKey | null = null;
  let done = false;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(
          encoder.encode(`${options.bom === false ? "" : "\uFEFF"}${csvHeader(options.labels)}`),
        );
      },
      async pull(controller) {
        if (done) return;
        range ??= await resolveDateRange(projectId, parsed);
        const items = await selectDeliveryItems(
          deliveryWhere(projectId, parsed, range, after),
          pageSize,
        );
        const last = items.at(-1);
        if (last) {
          controller.enqueue(
            encoder.encode(items.map((item) => csvRow(item, options.labels)).join("")),
          );
          after = { createdAt: new Date(last.createdAt), id: last.id };
        }
        if (items.length < pageSize) {
          done = true;
          controller.close();
        }
      },
      cancel() {
        done = true;
      },
    },
    { highWaterMark: 1 },
  );
}
