import type { DeliveryMeasure } from "./delivery";
import type { IngestMeasure } from "./ingest";
import type { CsvMeasure, ReadName, SeedMeasure } from "./reads";
import { round, type Timing } from "./stats";

export type BenchResults = {
  ingestSequential: IngestMeasure;
  ingestConcurrent: IngestMeasure;
  delivery: DeliveryMeasure;
  seed: SeedMeasure;
  reads: Record<ReadName, Timing & { rows: number }>;
  csv: CsvMeasure;
};

// The product's speed targets (see README "Benchmark").
export const TARGETS = {
  ingestSequentialPerSec: 300,
  deliveryPerSec: 200,
  errorCheckP95Ms: 100,
  csvRssGrowthMb: 150,
} as const;

const TARGETED_READS: ReadName[] = [
  "firstPageFailedUnchecked",
  "filteredByEvent",
  "filteredStatus5xx",
  "textSearch",
  "page2ByCursor",
];

type Row = { measure: string; value: string; target: string; verdict: string };

const verdict = (pass: boolean) => (pass ? "PASS" : "FAIL");

function table(rows: Row[]): string {
  const headers: Row = {
    measure: "measure",
    value: "measured",
    target: "target",
    verdict: "result",
  };
  const all = [headers, ...rows];
  const keys = ["measure", "value", "target", "verdict"] as const;
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: Row) =>
    keys
      .map((key, i) => row[key].padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

export function renderReport(r: BenchResults): { text: string; json: Record<string, unknown> } {
  const checks = {
    ingestSequential: r.ingestSequential.callEventsPerSec >= TARGETS.ingestSequentialPerSec,
    delivery: !r.delivery.timedOut && r.delivery.deliveriesPerSec >= TARGETS.deliveryPerSec,
    errorCheckP95: TARGETED_READS.every((name) => r.reads[name].p95Ms <= TARGETS.errorCheckP95Ms),
    csvRss: r.csv.rssGrowthMb <= TARGETS.csvRssGrowthMb,
  };
  const ingestRow = (name: string, m: IngestMeasure, target: string, pass?: boolean): Row => ({
    measure: name,
    value: `${round(m.callEventsPerSec, 0)} events/s, ${round(m.deliveriesPerSec, 0)} deliveries/s`,
    target,
    verdict: pass === undefined ? "" : verdict(pass),
  });
  const rows: Row[] = [
    ingestRow(
      `ingest ${r.ingestSequential.callEvents} sequential`,
      r.ingestSequential,
      `>= ${TARGETS.ingestSequentialPerSec} events/s`,
      checks.ingestSequential,
    ),
    ingestRow(`ingest ${r.ingestConcurrent.callEvents} x32 concurrent`, r.ingestConcurrent, "-"),
    {
      measure: `delivery ${r.delivery.deliveries} to loopback`,
      value: `${round(r.delivery.deliveriesPerSec, 0)} deliveries/s (${round(r.delivery.seconds)} s${r.delivery.timedOut ? ", TIMED OUT" : ""})`,
      target: `>= ${TARGETS.deliveryPerSec} deliveries/s`,
      verdict: verdict(checks.delivery),
    },
    {
      measure: "delivery attempt duration",
      value: `p50 ${r.delivery.attemptP50Ms} ms, p95 ${r.delivery.attemptP95Ms} ms`,
      target: "-",
      verdict: "",
    },
    {
      measure: "delivery peak RSS",
      value: `${round(r.delivery.peakRssMb, 0)} MB`,
      target: "-",
      verdict: "",
    },
    {
      measure: `seed ${r.seed.deliveries} demo deliveries`,
      value: `${round(r.seed.seconds)} s, peak RSS ${round(r.seed.peakRssMb, 0)} MB`,
      target: "-",
      verdict: "",
    },
    ...(Object.entries(r.reads) as Array<[ReadName, Timing & { rows: number }]>).map(
      ([name, t]) => {
        const targeted = TARGETED_READS.includes(name);
        return {
          measure: `read ${name}`,
          value: `median ${round(t.medianMs)} ms, p95 ${round(t.p95Ms)} ms (${t.rows})`,
          target: targeted ? `p95 <= ${TARGETS.errorCheckP95Ms} ms` : "-",
          verdict: targeted ? verdict(t.p95Ms <= TARGETS.errorCheckP95Ms) : "",
        };
      },
    ),
    {
      measure: `CSV export ${r.csv.rows} rows`,
      value: `${round(r.csv.seconds)} s, ${round(r.csv.bytes / 1024 / 1024)} MB, RSS +${round(r.csv.rssGrowthMb)} MB`,
      target: `RSS growth <= ${TARGETS.csvRssGrowthMb} MB`,
      verdict: verdict(checks.csvRss),
    },
  ];
  const json = {
    at: new Date().toISOString(),
    node: process.version,
    targets: TARGETS,
    pass: checks,
    ingestSequential: roundAll(r.ingestSequential),
    ingestConcurrent: roundAll(r.ingestConcurrent),
    delivery: roundAll(r.delivery),
    seed: roundAll(r.seed),
    reads: Object.fromEntries(Object.entries(r.reads).map(([k, v]) => [k, roundAll(v)])),
    csv: roundAll(r.csv),
  };
  return { text: table(rows), json };
}

function roundAll<T extends object>(value: T): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === "number" ? round(v, 2) : v]),
  );
}
