// Ingest start → the receiver has the request: call events sent at a fixed rate (an open loop),
// each delivery timed from the moment its call event was due to be posted to the moment the
// receiver saw the request carrying its id. Beside it, the limit: how long the app took to
// answer the POST itself at the same rate.
import { type Api, callEventCall, deliveryIds, LATENCY_TRIGGER } from "./api";
import { cpuMsOf } from "./cpu";
import { errorCount, openLoop } from "./http-load";
import type { ReceiverHandle } from "./receiver";
import { type Spread, spread } from "./stats";

export type LatencyMeasure = {
  ratePerSec: number;
  seconds: number;
  callEvents: number;
  /** Answers other than 202 by status, and requests that got no answer by error code. */
  rejected: Record<string, number>;
  deliveries: number;
  /** Call events answered 202 per second, from the first due to the last answer. */
  acceptedPerSec: number;
  /** Deliveries the receiver had not seen a minute after the last call event. */
  missing: number;
  deliveredMs: Spread;
  ingestAnswerMs: Spread;
  /** The app's CPU time per delivered call event: its ingest and the in-process worker's send. */
  cpuMsPerEvent: number;
};

const ARRIVAL_TIMEOUT_MS = 60_000;

export async function measureLatency(
  api: Api,
  receiver: ReceiverHandle,
  ratePerSec: number,
  seconds: number,
  appPid: number,
): Promise<LatencyMeasure> {
  const cpuAtStart = cpuMsOf(appPid);
  const label = `latency-${ratePerSec}-${Date.now()}`;
  const result = await openLoop(api.baseUrl, ratePerSec, seconds * 1000, (i) =>
    callEventCall(api.key, LATENCY_TRIGGER, `${label}-${i}`),
  );
  const dueAt = new Map<string, number>();
  for (const answer of result.answers) {
    for (const id of deliveryIds(answer)) dueAt.set(id, answer.startedAt);
  }
  const missing = await receiver.waitFor(dueAt.keys(), ARRIVAL_TIMEOUT_MS);
  const cpuMs = cpuMsOf(appPid) - cpuAtStart;
  const arrivals = await receiver.collect();
  const delivered: number[] = [];
  for (const [id, at] of dueAt) {
    const arrived = arrivals.get(id);
    if (arrived !== undefined) delivered.push(arrived - at);
  }
  const accepted = result.answers.filter((answer) => answer.status === 202);
  const rejected: Record<string, number> = {};
  for (const answer of result.answers) {
    if (answer.status !== 202) rejected[answer.status] = (rejected[answer.status] ?? 0) + 1;
  }
  for (const [code, n] of Object.entries(result.errors)) rejected[`no answer (${code})`] = n;
  const firstRejected = result.answers.find((answer) => answer.status !== 202);
  if (firstRejected) {
    console.error(
      `  ${ratePerSec}/s: HTTP ${firstRejected.status} ${firstRejected.body.slice(0, 300)}`,
    );
  }
  return {
    ratePerSec,
    seconds,
    callEvents: result.answers.length + errorCount(result.errors),
    rejected,
    deliveries: dueAt.size,
    acceptedPerSec: accepted.length / result.seconds,
    missing: missing.length,
    deliveredMs: spread(delivered),
    ingestAnswerMs: spread(accepted.map((answer) => answer.ms)),
    cpuMsPerEvent: accepted.length > 0 ? cpuMs / accepted.length : 0,
  };
}
