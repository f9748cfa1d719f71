import { db } from "../../lib/db/client";
import { hourlyCounts } from "../../lib/delivery-log/chart";
import { countUncheckedFailures } from "../../lib/delivery-log/check";
import { streamDeliveriesCsv } from "../../lib/delivery-log/csv";
import { listDeliveries } from "../../lib/delivery-log/list";
import { seedDemoData } from "../../lib/demo/seed";
import { sampleRss, type Timing, timeRuns } from "./stats";

export type SeedMeasure = { deliveries: number; seconds: number; peakRssMb: number };

export async function measureSeed(projectId: string, deliveries: number): Promise<SeedMeasure> {
  const rss = sampleRss();
  const result = await seedDemoData({ projectId, deliveries, seed: 20261129 });
  const memory = rss.stop();
  return { deliveries: result.deliveries, seconds: result.ms / 1000, peakRssMb: memory.peakMb };
}

export type ReadName =
  | "firstPageFailedUnchecked"
  | "filteredByEvent"
  | "filteredStatus5xx"
  | "textSearch"
  | "page2ByCursor"
  | "hourlyCounts"
  | "countUncheckedFailures";

/** The error check page's reads, each timed 20 times after 3 warm-ups. */
export async function measureReads(
  projectId: string,
  search: string,
): Promise<Record<ReadName, Timing & { rows: number }>> {
  const failed = await db.delivery.findFirst({
    where: { projectId, status: "failed", webhookEventId: { not: null } },
    select: { webhookEventId: true },
  });
  if (!failed?.webhookEventId) throw new Error("the seeded project has no failed deliveries");
  const eventId = failed.webhookEventId;
  const first = await listDeliveries(projectId);
  if (!first.nextCursor) throw new Error("the first page has no next page");
  const cursor = first.nextCursor;
  let rows = 0;
  const list = (filter: Parameters<typeof listDeliveries>[1]) => async () => {
    const page = await listDeliveries(projectId, filter);
    rows = page.total;
  };
  const cases: Array<[ReadName, () => Promise<unknown>]> = [
    ["firstPageFailedUnchecked", list({})],
    ["filteredByEvent", list({ eventId })],
    ["filteredStatus5xx", list({ status: "5xx" })],
    ["textSearch", list({ q: search })],
    ["page2ByCursor", list({ cursor })],
    [
      "hourlyCounts",
      async () => {
        rows = (await hourlyCounts(projectId)).length;
      },
    ],
    [
      "countUncheckedFailures",
      async () => {
        rows = await countUncheckedFailures(projectId);
      },
    ],
  ];
  const results: Partial<Record<ReadName, Timing & { rows: number }>> = {};
  for (const [name, task] of cases) {
    const timing = await timeRuns(task);
    results[name] = { ...timing, rows };
  }
  return results as Record<ReadName, Timing & { rows: number }>;
}

export type CsvMeasure = {
  /** Deliveries in the project (what the export covers). */
  rows: number;
  /** CRLF line ends counted in the output (a quoted field may hold more). */
  lines: number;
  bytes: number;
  seconds: number;
  rssGrowthMb: number;
  peakRssMb: number;
};

/** Streams the CSV of every delivery of the project, counting bytes and lines, keeping none. */
export async function measureCsv(projectId: string): Promise<CsvMeasure> {
  const rss = sampleRss();
  const started = performance.now();
  const reader = streamDeliveriesCsv(projectId, {
    result: "all",
    includeChecked: true,
  }).getReader();
  let bytes = 0;
  let lines = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const byte of value) if (byte === 10) lines += 1;
  }
  const seconds = (performance.now() - started) / 1000;
  const memory = rss.stop();
  return {
    rows: await db.delivery.count({ where: { projectId } }),
    lines,
    bytes,
    seconds,
    rssGrowthMb: memory.growthMb,
    peakRssMb: memory.peakMb,
  };
}
