// Profiling harness for the delivery engine (not a benchmark): ingests N call events against
// a fresh SQLite file, then drains the queue with one worker, printing rates. Run under
// `node --cpu-prof --import tsx scripts/profile/engine.ts [calls]`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const directory = mkdtempSync(path.join(tmpdir(), "webhooks-profile-"));
process.env.DATABASE_URL = `file:${path.join(directory, "p.db")}`;
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
process.env.WORKER_IN_PROCESS = "false";

const calls = Number(process.argv[2] ?? 1000);
const { prepareDatabase } = await import("../../lib/db/startup");
prepareDatabase();
const { db } = await import("../../lib/db/client");
const { startWorker } = await import("../../lib/dispatch/worker");
const { createBenchProject, configureEvents } = await import("../bench/setup");
const { measureIngest } = await import("../bench/ingest");
const { startReceiver } = await import("../bench/receiver");

const receiver = await startReceiver();
const projectId = await createBenchProject("profile");
await configureEvents(projectId, receiver.url);
const ingest = await measureIngest(projectId, "p", calls, 8);
console.log(
  `ingest: ${ingest.callEventsPerSec.toFixed(0)} calls/s, ${ingest.deliveriesPerSec.toFixed(0)} deliveries/s`,
);
const queued = ingest.deliveries;
const started = performance.now();
const worker = startWorker({ concurrency: 32, pollMs: 50, leaseMs: 60_000, log: console.error });
while (receiver.received() < queued) await new Promise((r) => setTimeout(r, 20));
await worker.idle();
const seconds = (performance.now() - started) / 1000;
await worker.stop();
const ok = await db.delivery.count({ where: { status: "succeeded" } });
console.log(
  `drain: ${queued} deliveries in ${seconds.toFixed(2)} s = ${(queued / seconds).toFixed(0)}/s (succeeded ${ok})`,
);
await receiver.close();
await db.$disconnect();
rmSync(directory, { recursive: true, force: true });
