// `POST /api/v1/call-events` from 32 concurrent clients while the in-process worker sends what
// they queue, beside the limit: `GET /api/v1/project` (authenticated by the same key, no
// writes) from the same 32 clients on the same server.
import { type Api, callEventCall, deliveryIds, LATENCY_TRIGGER } from "./api";
import { cpuMsOf } from "./cpu";
import { type Call, closedLoop, errorCount, type LoopResult } from "./http-load";
import { LOAD_CLIENTS } from "./options";
import type { ReceiverHandle } from "./receiver";
import { type Spread, spread } from "./stats";

export type LoadSide = {
  requests: number;
  perSec: number;
  failed: number;
  ms: Spread;
  /** The app's CPU time (user + system) per answered request while this loop ran. */
  cpuMsPerRequest: number;
};

export type LoadMeasure = {
  clients: number;
  seconds: number;
  project: LoadSide;
  callEvents: LoadSide;
  deliveries: number;
  /** Deliveries the receiver had by the time the load stopped: the worker sending under load. */
  deliveredDuringLoad: number;
  /** Seconds after the load stopped until the receiver had every delivery. */
  catchUpSeconds: number;
  missing: number;
};

function side(result: LoopResult, okStatus: number, cpuMs: number): LoadSide {
  const ok = result.answers.filter((answer) => answer.status === okStatus);
  return {
    cpuMsPerRequest: ok.length > 0 ? cpuMs / ok.length : 0,
    requests: ok.length,
    perSec: ok.length / result.seconds,
    failed: result.answers.length - ok.length + errorCount(result.errors),
    ms: spread(ok.map((answer) => answer.ms)),
  };
}

export async function measureLoad(
  api: Api,
  receiver: ReceiverHandle,
  seconds: number,
  appPid: number,
): Promise<LoadMeasure> {
  const project: Call = {
    method: "GET",
    path: "/api/v1/project",
    headers: { "Auth-key": api.key },
  };
  const label = `load-${Date.now()}`;
  const ingest = (i: number) => callEventCall(api.key, LATENCY_TRIGGER, `${label}-${i}`);
  const durationMs = seconds * 1000;

  await closedLoop(api.baseUrl, LOAD_CLIENTS, Math.min(1000, durationMs), () => project);
  const cpuAtStart = cpuMsOf(appPid);
  const projectLoad = await closedLoop(api.baseUrl, LOAD_CLIENTS, durationMs, () => project);
  const cpuBetween = cpuMsOf(appPid);
  const ingestLoad = await closedLoop(api.baseUrl, LOAD_CLIENTS, durationMs, ingest);
  const stoppedAt = performance.now();
  // The ingest side's CPU includes the worker sending what it queued, to the last delivery.

  const ids = ingestLoad.answers.flatMap(deliveryIds);
  const duringLoad = await receiver.collect();
  const deliveredDuringLoad = ids.filter((id) => duringLoad.has(id)).length;
  const missing = await receiver.waitFor(ids, 120_000);
  const cpuAtEnd = cpuMsOf(appPid);
  return {
    clients: LOAD_CLIENTS,
    seconds,
    project: side(projectLoad, 200, cpuBetween - cpuAtStart),
    callEvents: side(ingestLoad, 202, cpuAtEnd - cpuBetween),
    deliveries: ids.length,
    deliveredDuringLoad,
    catchUpSeconds: (performance.now() - stoppedAt) / 1000,
    missing: missing.length,
  };
}
