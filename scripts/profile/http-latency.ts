// Measures ingest → receiver latency and ingest throughput over HTTP against the built app
// (`next start`, production, a temporary SQLite file). A profiling aid, not the benchmark:
// `npx tsx scripts/profile/http-latency.ts` after `next build`.
import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const directory = mkdtempSync(path.join(tmpdir(), "webhooks-http-"));
const file = path.join(directory, "http.db");
process.env.DATABASE_URL = `file:${file}`;

const { applyPendingMigrations } = await import("../../lib/db/migrations");
applyPendingMigrations(file, path.resolve("prisma/migrations"));
const { db } = await import("../../lib/db/client");
const { createApiKey } = await import("../../lib/auth/api-keys");
const { createWebhookEvent } = await import("../../lib/webhooks/service");
const { createBenchProject } = await import("../bench/setup");
const { sampleCallFor } = await import("../../lib/model/sample-calls");
const { startAppServer } = await import("../../tests/e2e/support/app-server");
const { percentile } = await import("../bench/stats");

const arrivals = new Map<string, number>();
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const at = performance.now() + performance.timeOrigin;
    const body = JSON.parse(Buffer.concat(chunks).toString()) as { id?: string };
    if (body.id) arrivals.set(body.id, at);
    response.writeHead(200).end("ok");
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm`;

const projectId = await createBenchProject("http");
await db.webhookEvent.updateMany({ where: { projectId }, data: { enabled: false } });
await createWebhookEvent(projectId, {
  name: "Card pop-up",
  type: "incoming.answered",
  requests: [
    {
      url: receiverUrl,
      method: "POST",
      params: [{ name: "id", type: "text", value: "{{uniqueid}}" }],
    },
  ],
});
const { key } = await createApiKey(projectId, { name: "http" });
await db.$disconnect();

const server = await (process.env.PROFILE_DIR
  ? startProfiledServer(process.env.PROFILE_DIR)
  : startAppServer({
      appDir: path.resolve("."),
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      },
      logFile: path.join(directory, "server.log"),
    }));
/** `next start` under --cpu-prof; the profile is written when it exits on SIGTERM. */
async function startProfiledServer(profileDir: string) {
  const { spawn } = await import("node:child_process");
  const { findFreePort } = await import("../../tests/e2e/support/app-server");
  const port = await findFreePort();
  const child = spawn(
    process.execPath,
    [
      "--cpu-prof",
      `--cpu-prof-dir=${profileDir}`,
      "node_modules/next/dist/bin/next",
      "start",
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
    ],
    {
      env: { ...process.env, NODE_ENV: "production", WEBHOOK_ALLOW_PRIVATE_TARGETS: "true" },
      stdio: "inherit",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    try {
      await fetch(url);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const sample = sampleCallFor("incoming.answered");
let serial = 0;
async function post(label: string): Promise<{ id: string; started: number; status: number }> {
  serial += 1;
  const id = `${label}-${serial}`;
  const started = performance.now() + performance.timeOrigin;
  const response = await fetch(`${server.url}/api/v1/call-events`, {
    method: "POST",
    headers: { "Auth-key": key, "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "incoming.answered",
      occurredAt: sample.occurredAt,
      call: { ...sample.call, uniqueid: id },
    }),
  });
  await response.arrayBuffer();
  return { id, started, status: response.status };
}

async function latencyAt(perSecond: number, seconds: number) {
  const sent: Array<{ id: string; started: number }> = [];
  const pending: Promise<unknown>[] = [];
  const total = perSecond * seconds;
  const begin = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = begin + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(post(`l${perSecond}`).then((result) => sent.push(result)));
  }
  await Promise.all(pending);
  const deadline = Date.now() + 20_000;
  while (sent.some((s) => !arrivals.has(s.id)) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const latencies = sent.map((s) => (arrivals.get(s.id) ?? Number.NaN) - s.started);
  return {
    perSecond,
    events: total,
    p50: percentile(latencies, 50).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
  };
}

async function throughput(run: () => Promise<unknown>, concurrency: number, seconds: number) {
  let done = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await run();
        done += 1;
      }
    }),
  );
  return (done / seconds).toFixed(0);
}

try {
  await latencyAt(20, 2); // warm-up
  for (const rate of [5, 100, 200])
    console.log(JSON.stringify(await latencyAt(rate, rate >= 100 ? 5 : 10)));
  const ingestRate = await throughput(() => post("t"), 32, 5);
  const projectRate = await throughput(
    () =>
      fetch(`${server.url}/api/v1/project`, { headers: { "Auth-key": key } }).then((r) =>
        r.arrayBuffer(),
      ),
    32,
    5,
  );
  console.log(JSON.stringify({ ingestPerSec: ingestRate, getProjectPerSec: projectRate }));
} finally {
  await server.stop();
  receiver.close();
}
