import { ingestCallEvent } from "../../lib/dispatch/ingest";
import { callBody } from "./setup";

export type IngestMeasure = {
  callEvents: number;
  deliveries: number;
  seconds: number;
  callEventsPerSec: number;
  deliveriesPerSec: number;
};

/** Ingests `count` call events with `concurrency` callers pulling from one shared counter. */
export async function measureIngest(
  projectId: string,
  label: string,
  count: number,
  concurrency: number,
): Promise<IngestMeasure> {
  let next = 0;
  let deliveries = 0;
  const caller = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      const result = await ingestCallEvent(projectId, callBody(`${label}-${index}`));
      deliveries += result.deliveries.length;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  return {
    callEvents: count,
    deliveries,
    seconds,
    callEventsPerSec: count / seconds,
    deliveriesPerSec: deliveries / seconds,
  };
}
