// The bench's report: every figure beside its limit from the same run and their ratio
// (measured ÷ limit), the product's target for reference, as a table, one `BENCH_JSON {...}`
// line and a results file. Nothing here passes or fails: the machine is shared and noisy.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DrainTiming } from "./drain";
import type { LatencyMeasure } from "./latency";
import type { LoadMeasure } from "./load";
import type { Engine, Sizes } from "./options";
import { READS, type ReadMeasure, type ReadName } from "./reads";
import type { RssPeak } from "./rss";
import { round } from "./stats";

export type BenchResults = {
  engine: Engine;
  mode: Sizes["mode"];
  build: string;
  latency: LatencyMeasure[];
  load: LoadMeasure;
  /** Absent when the run was limited to ingest (`--only ingest`). */
  drain?: {
    gotLoop: DrainTiming & { failed: number };
    worker: DrainTiming;
    workerTsx: DrainTiming;
    /** PostgreSQL only: the same drain by 1, 2 and 4 standalone workers. */
    scaleOut?: Array<DrainTiming & { workers: number }>;
  };
  reads?: { seeded: number; seedSeconds: number; byName: Record<ReadName, ReadMeasure> };
  rss: Record<string, RssPeak>;
};

export type Row = {
  measure: string;
  measured: string;
  limit: string;
  ratio: string;
  target: string;
};

const ms = (value: number) => `${value < 10 ? round(value, 1) : Math.round(value)} ms`;
const perSec = (value: number) => `${Math.round(value).toLocaleString("en-US")}/s`;
const mb = (value: number) => `${Math.round(value)} MB`;
const times = (measured: number, limit: number) =>
  Number.isFinite(measured / limit) && limit > 0
    ? `×${measured / limit >= 10 ? round(measured / limit, 0) : round(measured / limit, 2)}`
    : "-";

const LATENCY_TARGETS: Record<number, string> = {
  5: "p50 ≤ 10 ms, p99 ≤ 50 ms",
  200: "p50 ≤ 15 ms, p99 ≤ 100 ms",
};
const LIST_READ_TARGET = "p95 ≤ 100 ms";
const RSS_TARGET = "≤ 300 MB";

function latencyRows(measure: LatencyMeasure): Row[] {
  const rejected = Object.entries(measure.rejected).map(([status, n]) => `${n}× ${status}`);
  const notDelivered = measure.missing > 0 ? [`${measure.missing} not delivered`] : [];
  const problems = [...notDelivered, ...rejected];
  const lost = problems.length > 0 ? ` (${problems.join(", ")})` : "";
  return [
    {
      measure: `ingest → receiver, ${measure.ratePerSec} events/s (${measure.deliveries})`,
      measured: `p50 ${ms(measure.deliveredMs.p50)}, p99 ${ms(measure.deliveredMs.p99)}${lost}`,
      limit: `POST answered p50 ${ms(measure.ingestAnswerMs.p50)}, p99 ${ms(measure.ingestAnswerMs.p99)}, ${perSec(measure.acceptedPerSec)}`,
      ratio: `${times(measure.deliveredMs.p50, measure.ingestAnswerMs.p50)} / ${times(measure.deliveredMs.p99, measure.ingestAnswerMs.p99)}`,
      target: LATENCY_TARGETS[measure.ratePerSec] ?? "-",
    },
    {
      measure: `↳ app CPU per call event at ${measure.ratePerSec}/s (ingest + send)`,
      measured: ms(measure.cpuMsPerEvent),
      limit: "-",
      ratio: "-",
      target: "-",
    },
  ];
}

function loadRows(load: LoadMeasure): Row[] {
  const failed = load.callEvents.failed > 0 ? ` (${load.callEvents.failed} failed)` : "";
  return [
    {
      measure: `POST /api/v1/call-events, ${load.clients} clients, worker sending`,
      measured: `${perSec(load.callEvents.perSec)}, p99 ${ms(load.callEvents.ms.p99)}${failed}`,
      limit: `GET /api/v1/project ${perSec(load.project.perSec)}, p99 ${ms(load.project.ms.p99)}`,
      ratio: times(load.callEvents.perSec, load.project.perSec),
      target: "≥ ×0.5",
    },
    {
      measure: "↳ app CPU per request (user + system)",
      measured: `POST call-events ${ms(load.callEvents.cpuMsPerRequest)} (its sends included)`,
      limit: `GET project ${ms(load.project.cpuMsPerRequest)}`,
      ratio: times(load.callEvents.cpuMsPerRequest, load.project.cpuMsPerRequest),
      target: "-",
    },
    {
      measure: "↳ deliveries sent during that load",
      measured: `${load.deliveredDuringLoad} of ${load.deliveries}, the rest ${round(load.catchUpSeconds, 1)} s later${load.missing > 0 ? ` (${load.missing} missing)` : ""}`,
      limit: "-",
      ratio: "-",
      target: "-",
    },
  ];
}

function drainRows(drain: NonNullable<BenchResults["drain"]>): Row[] {
  const { gotLoop, worker, workerTsx } = drain;
  const missing = (timing: DrainTiming) =>
    timing.missing > 0 ? ` (${timing.missing} missing)` : "";
  return [
    {
      measure: `drain ${worker.deliveries}, npm run worker (compiled), with start-up`,
      measured: `${perSec(worker.withStartup.perSec)} (${round(worker.withStartup.seconds, 1)} s)${missing(worker)}`,
      limit: `bare got loop ${perSec(gotLoop.withStartup.perSec)} (${round(gotLoop.withStartup.seconds, 1)} s)`,
      ratio: times(worker.withStartup.perSec, gotLoop.withStartup.perSec),
      target: "≥ ×0.5",
    },
    {
      measure: "↳ the same, first request to last",
      measured: perSec(worker.steady.perSec),
      limit: `bare got loop ${perSec(gotLoop.steady.perSec)}`,
      ratio: times(worker.steady.perSec, gotLoop.steady.perSec),
      target: "≥ ×0.5",
    },
    {
      measure: `drain ${workerTsx.deliveries}, npm run worker:dev (tsx), first to last`,
      measured: `${perSec(workerTsx.steady.perSec)}${missing(workerTsx)}`,
      limit: `bare got loop ${perSec(gotLoop.steady.perSec)}`,
      ratio: times(workerTsx.steady.perSec, gotLoop.steady.perSec),
      target: "-",
    },
    {
      measure: "start-up: spawn → first request, compiled / tsx",
      measured: `${ms(worker.startupMs)} / ${ms(workerTsx.startupMs)}`,
      limit: `bare got loop ${ms(gotLoop.startupMs)}`,
      ratio: `${times(worker.startupMs, gotLoop.startupMs)} / ${times(workerTsx.startupMs, gotLoop.startupMs)}`,
      target: "-",
    },
    ...(drain.scaleOut ?? []).map((timing) => ({
      measure: `drain ${timing.deliveries}, ${timing.workers} × npm run worker, first to last`,
      measured: `${perSec(timing.steady.perSec)}${missing(timing)}`,
      limit: `bare got loop ${perSec(gotLoop.steady.perSec)}`,
      ratio: times(timing.steady.perSec, gotLoop.steady.perSec),
      target: "-",
    })),
  ];
}

function readRows(reads: NonNullable<BenchResults["reads"]>): Row[] {
  const limit = reads.byName["project (limit)"];
  return READS.filter((name) => name !== "project (limit)").map((name) => {
    const read = reads.byName[name];
    const status = read.status === 200 ? "" : ` (HTTP ${read.status})`;
    return {
      measure: `error check at ${reads.seeded.toLocaleString("en-US")}: ${name}`,
      measured: `p50 ${ms(read.p50)}, p95 ${ms(read.p95)}${status}`,
      limit: `GET project p50 ${ms(limit.p50)}, p95 ${ms(limit.p95)}`,
      ratio: `${times(read.p50, limit.p50)} / ${times(read.p95, limit.p95)}`,
      target: name === "error check page HTML" ? "-" : LIST_READ_TARGET,
    };
  });
}

function rssRows(rss: Record<string, RssPeak>): Row[] {
  const floor = rss.receiver;
  return Object.entries(rss)
    .filter(([name]) => name !== "receiver")
    .map(([name, peak]) => ({
      measure: `peak RSS: ${name}`,
      measured: `${mb(peak.treeMb)} (${peak.processes} process${peak.processes === 1 ? "" : "es"}; ${peak.largest} ${mb(peak.largestMb)})`,
      limit: floor ? `receiver (bare node) ${mb(floor.treeMb)}` : "-",
      ratio: floor ? times(peak.treeMb, floor.treeMb) : "-",
      target: name.startsWith("next start") || name.includes("worker") ? RSS_TARGET : "-",
    }));
}

export function reportRows(results: BenchResults): Row[] {
  return [
    ...results.latency.flatMap(latencyRows),
    ...loadRows(results.load),
    ...(results.drain ? drainRows(results.drain) : []),
    ...(results.reads ? readRows(results.reads) : []),
    ...rssRows(results.rss),
  ];
}

export function renderTable(rows: Row[]): string {
  const headers: Row = {
    measure: "measure",
    measured: "measured",
    limit: "limit (same run)",
    ratio: "ratio",
    target: "target",
  };
  const keys = ["measure", "measured", "limit", "ratio", "target"] as const;
  const all = [headers, ...rows];
  const widths = keys.map((key) => Math.max(...all.map((row) => row[key].length)));
  const line = (row: Row) =>
    `| ${keys.map((key, i) => row[key].padEnd(widths[i] ?? 0)).join(" | ")} |`;
  // The shape Markdown formatters keep, so a table pasted into the docs stays as printed.
  const rule = `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

/** Numbers rounded to 2 decimals, everything else as is, to any depth. */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return round(value, 2);
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  }
  return value;
}

export function reportJson(results: BenchResults, rows: Row[]) {
  const cpus = os.cpus();
  return {
    at: new Date().toISOString(),
    engine: results.engine,
    mode: results.mode,
    only: results.drain ? "all" : "ingest",
    node: process.version,
    machine: {
      cpus: cpus.length,
      model: cpus[0]?.model ?? "unknown",
      memoryGb: round(os.totalmem() / 1024 ** 3, 0),
      loadAverage: os.loadavg().map((value) => round(value, 2)),
    },
    rows,
    results: rounded(results),
  };
}

/** bench/results/<date>-<engine>[-quick].json; smoke runs only prove the rows run and keep nothing. */
export function writeResults(root: string, json: ReturnType<typeof reportJson>): string | null {
  if (json.mode === "smoke") return null;
  const date = json.at.slice(0, 10);
  const suffix = `${json.mode === "quick" ? "-quick" : ""}${json.only === "ingest" ? "-ingest" : ""}`;
  const file = path.join(root, "bench", "results", `${date}-${json.engine}${suffix}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}
