// A standalone delivery worker. Run any number of them beside the web process (with
// WORKER_IN_PROCESS=false there, if only standalone workers should send). `npm run worker`
// runs it compiled (scripts/build-worker.mjs → dist/worker.mjs, plain node: no TypeScript
// loader in memory); `npm run worker:dev` runs this file through tsx. Its start and stop are
// plain lines on stdout (tests and operators read "worker <id> started"); problems are JSON log
// lines with the ids they concern.

import { prepareDatabase } from "../lib/db/startup";
import { startMaintenance } from "../lib/dispatch/maintenance";
import { startWorker } from "../lib/dispatch/worker";
import { env } from "../lib/env";
import { logger } from "../lib/observability/logger";
import { encryptionKeys } from "../lib/secrets/keys";

encryptionKeys();
await prepareDatabase();
const worker = startWorker({
  concurrency: env().WORKER_CONCURRENCY,
  pollMs: env().WORKER_POLL_MS,
  leaseMs: env().WORKER_LEASE_MS,
  log: (message, fields) => logger().warn({ component: "worker", ...fields }, message),
});
const maintenance = startMaintenance({
  retentionDays: env().RETENTION_DAYS,
  log: (message, fields) => logger().warn({ component: "worker", ...fields }, message),
});
console.log(`worker ${worker.id} started (concurrency ${env().WORKER_CONCURRENCY})`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: finishing the attempts in flight…`);
  maintenance.stop();
  await worker.stop();
  const { db } = await import("../lib/db/client");
  const { closePostgresPools } = await import("../lib/db/postgres-pool");
  await db.$disconnect();
  await closePostgresPools();
  console.log("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
