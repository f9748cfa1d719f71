// The engine's hot path in one process, without HTTP: ingest a call event, claim its delivery,
// settle it, N times on a fresh SQLite file, printing the time per step. Run it under the
// profiler to see where the engine (not Next) spends its time:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx scripts/profile/hot-path.ts [N]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const directory = mkdtempSync(path.join(tmpdir(), "webhooks-hot-path-"));
const file = path.join(directory, "hot.db");
process.env.DATABASE_URL = `file:${file}`;
process.env.APP_ENCRYPTION_KEY ??= "WK/0J3qiV2HHSo8P0A82janLjzlGAysHuh5s5Cx6VRE=";

const { applyPendingMigrations } = await import("../../lib/db/migrations");
applyPendingMigrations(file, path.resolve("prisma/migrations"));
const { db } = await import("../../lib/db/client");
const { claimDueDeliveryIds } = await import("../../lib/dispatch/claim");
const { ingestCallEvent } = await import("../../lib/dispatch/ingest");
const { engineStore } = await import("../../lib/dispatch/store");
const { sampleCallFor } = await import("../../lib/model/sample-calls");
const { createWebhookEvent } = await import("../../lib/webhooks/service");

const N = Number(process.argv[2] ?? 2000);
const { statement } = await import("../../lib/db/engine-connection");
await db.$connect();
if (process.env.HOT_PRAGMA) statement(`PRAGMA ${process.env.HOT_PRAGMA}`).run();
try {
  const project = await db.project.create({ data: { name: "Hot" } });
  await createWebhookEvent(project.id, {
    name: "Hook",
    type: "incoming.after_call",
    requests: [{ url: "https://crm.example.com/hook?token=abc", method: "POST" }],
  });
  const sample = sampleCallFor("incoming.after_call");
  const spent = { ingest: 0, claim: 0, settle: 0 };
  // CPU time, not wall time: on a shared machine a step's wall time includes other processes'.
  const cpu = { ingest: 0, claim: 0, settle: 0 };
  const cpuMs = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  for (let i = 0; i < N; i += 1) {
    let started = performance.now();
    let cpuAt = cpuMs();
    await ingestCallEvent(project.id, {
      id: `event-${i}`,
      type: "incoming.after_call",
      occurredAt: sample.occurredAt,
      call: { ...sample.call, uniqueid: `call-${i}` },
    });
    spent.ingest += performance.now() - started;
    cpu.ingest += cpuMs() - cpuAt;
    cpuAt = cpuMs();
    started = performance.now();
    const ids = await claimDueDeliveryIds({ workerId: "hot", limit: 32, leaseMs: 30_000 });
    spent.claim += performance.now() - started;
    cpu.claim += cpuMs() - cpuAt;
    cpuAt = cpuMs();
    started = performance.now();
    const at = new Date();
    await engineStore().settle(
      ids.map((deliveryId) => ({
        deliveryId,
        workerId: "hot",
        requestId: null,
        attemptNumber: 1,
        status: "succeeded" as const,
        nextAttemptAt: at,
        statusCode: 200,
        error: null,
        firstRendered: null,
        result: null,
        bodyOnDelivery: false,
        gone: false,
        at,
      })),
    );
    spent.settle += performance.now() - started;
    cpu.settle += cpuMs() - cpuAt;
  }
  const per = (ms: number) => `${Math.round((ms / N) * 1000)} µs`;
  console.log(
    `${N} rounds, wall (CPU) per round: ingest ${per(spent.ingest)} (${per(cpu.ingest)}), claim ${per(spent.claim)} (${per(cpu.claim)}), settle ${per(spent.settle)} (${per(cpu.settle)})`,
  );
} finally {
  await db.$disconnect();
  rmSync(directory, { recursive: true, force: true });
}
