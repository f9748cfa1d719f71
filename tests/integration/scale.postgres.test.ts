// Scale-out on PostgreSQL: this test process plays the web process (ingest through the
// services, no worker of its own, as WORKER_IN_PROCESS=false), three `npm run worker`
// processes share the queue, and one of them is SIGKILLed half way through 10,000 deliveries.
// The receiver learns which worker sent each request from the socket it came on: the client
// end of every loopback connection is looked up in /proc (its inode, then the process holding
// that inode), at the moment the connection is accepted.
import "../helpers/fresh-database";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";
import {
  exited,
  killWorkerProcesses,
  startWorkerProcess,
  type WorkerProcess,
  workersStarted,
} from "../helpers/worker-processes";

const CALLS = 2_500;
const REQUESTS_PER_CALL = 4;
const DELIVERIES = CALLS * REQUESTS_PER_CALL;
const WORKERS = 3;
const INGEST_CONCURRENCY = 8;

type Worker = WorkerProcess & { pids: Set<number> };

const workers: Worker[] = [];
let server: Server | null = null;

function startWorker(label: string): Worker {
  const worker = {
    ...startWorkerProcess(label, {
      DATABASE_POOL_SIZE: "4",
      WORKER_CONCURRENCY: "32",
      // Long enough that the killed worker's leases are still its own when the test counts
      // them on a loaded machine; the live workers renew theirs every third of it.
      WORKER_LEASE_MS: "10000",
      WORKER_POLL_MS: "500",
    }),
    pids: new Set<number>(),
  };
  workers.push(worker);
  return worker;
}

/** Every process of the worker's process group (tsx and the node process it started). */
function groupPids(groupId: number): Set<number> {
  const pids = new Set<number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command name: state, ppid, pgrp …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === groupId) pids.add(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

/** The inode of the loopback socket whose local port is `port` and peer port `peer`. */
function socketInode(port: number, peer: number): string | null {
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(table, "utf8").split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(`:${hex(port)}`) && fields[2]?.endsWith(`:${hex(peer)}`))
        return fields[9] ?? null;
    }
  }
  return null;
}

function ownerOf(port: number, serverPort: number): string {
  const inode = socketInode(port, serverPort);
  if (!inode) return "unknown";
  const link = `socket:[${inode}]`;
  for (const worker of workers) {
    for (const pid of worker.pids) {
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          if (readlinkSync(`/proc/${pid}/fd/${fd}`) === link) return worker.label;
        } catch {
          // Closed meanwhile.
        }
      }
    }
  }
  return "unknown";
}

async function waitFor(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterAll(async () => {
  killWorkerProcesses();
  await new Promise<void>((resolve) => {
    server?.closeAllConnections();
    if (server) server.close(() => resolve());
    else resolve();
  });
});

describe("three workers on PostgreSQL, one killed half way", () => {
  it("delivers every one of 10,000 deliveries, none twice by live workers", async () => {
    // The receiver: answers, notes each request's delivery id and sending worker.
    const received: Array<{ id: string; worker: string }> = [];
    const owners = new Map<number, string>();
    let serverPort = 0;
    server = createServer((request, response) => {
      const port = request.socket.remotePort ?? 0;
      received.push({
        id: String(request.headers["x-webhook-delivery"] ?? ""),
        worker: owners.get(port) ?? ownerOf(port, serverPort),
      });
      request.resume();
      // A CRM that takes a few milliseconds: a worker always has attempts on the wire.
      request.on("end", () => setTimeout(() => response.writeHead(200).end("ok"), 20));
    });
    server.on("connection", (socket) => {
      const port = socket.remotePort ?? 0;
      owners.set(port, ownerOf(port, serverPort));
    });
    const receiverServer = server;
    await new Promise<void>((resolve) => receiverServer.listen(0, "127.0.0.1", resolve));
    serverPort = (receiverServer.address() as AddressInfo).port;

    const { project } = await createUserWithProject("scale");
    await db.webhookEvent.updateMany({
      where: { projectId: project.id },
      data: { enabled: false },
    });
    await createWebhookEvent(project.id, {
      name: "CRM fan-out",
      type: "incoming.after_call",
      requests: Array.from({ length: REQUESTS_PER_CALL }, (_, index) => ({
        url: `http://127.0.0.1:${serverPort}/crm/${index}`,
        method: "POST" as const,
        params: [{ name: "id", type: "text" as const, value: "{{uniqueid}}" }],
      })),
    });
    // The cap is about politeness to small CRMs; here it would only slow the drain.
    await db.webhookRequest.updateMany({ data: { maxInFlight: 1_000 } });

    for (let i = 1; i <= WORKERS; i += 1) startWorker(`worker ${i}`);
    await workersStarted(workers);
    for (const worker of workers) worker.pids = groupPids(worker.child.pid ?? 0);

    // Ingest while the workers drain, as a web process under load would.
    const sample = sampleCallFor("incoming.after_call");
    const ids: string[] = [];
    let next = 0;
    const ingesting = Promise.all(
      Array.from({ length: INGEST_CONCURRENCY }, async () => {
        while (next < CALLS) {
          const n = next;
          next += 1;
          const { deliveries } = await ingestCallEvent(project.id, {
            type: "incoming.after_call",
            occurredAt: sample.occurredAt,
            call: { ...sample.call, uniqueid: `scale-${n}` },
          });
          ids.push(...deliveries);
        }
      }),
    );

    await waitFor(
      () => received.length >= DELIVERIES / 2,
      120_000,
      () =>
        `half the deliveries (${received.length})\n${workers.map((w) => w.output()).join("\n")}`,
    );
    // The victim is the worker holding the most leases right now: killed mid-batch, not idle.
    let victim: Worker | undefined;
    await waitFor(
      async () => {
        const leases = await db.delivery.groupBy({
          by: ["leaseOwner"],
          where: { status: "sending" },
          _count: true,
        });
        const busiest = leases.sort((a, b) => b._count - a._count)[0];
        victim = workers.find((worker) => busiest && worker.id() === busiest.leaseOwner);
        return victim !== undefined;
      },
      30_000,
      () => "a worker holding leases",
    );
    if (!victim?.child.pid) throw new Error("no worker to kill");
    const killed: Worker = victim;
    process.kill(-victim.child.pid, "SIGKILL");
    expect((await exited(killed.child)).signal).toBe("SIGKILL");
    const receivedAtKill = received.length;
    // What the killed worker held: the only deliveries that may arrive twice.
    const heldByVictim = await db.delivery.count({
      where: { status: "sending", leaseOwner: killed.id() ?? "" },
    });

    await ingesting;
    expect(ids).toHaveLength(DELIVERIES);
    await waitFor(
      async () => (await db.delivery.count({ where: { status: "succeeded" } })) === DELIVERIES,
      120_000,
      () => `every delivery to succeed\n${workers.map((w) => w.output()).join("\n")}`,
    );

    const copies = new Map<string, string[]>();
    for (const { id, worker } of received) copies.set(id, [...(copies.get(id) ?? []), worker]);
    const duplicates = received.length - copies.size;
    const unknown = received.filter((request) => request.worker === "unknown").length;
    // A second copy must always be the killed worker's first one, resent after its lease ran
    // out: no delivery comes twice from workers that were alive.
    // A connection whose owner is gone by the time it is accepted was opened by a process that
    // no longer exists: only the killed worker died (its last connect can sit in the backlog).
    const twiceByLive = [...copies].filter(
      ([, senders]) =>
        senders.filter((sender) => sender !== killed.label && sender !== "unknown").length > 1,
    );
    const perWorker = Object.fromEntries(
      workers.map((w) => [w.label, received.filter((r) => r.worker === w.label).length]),
    );
    console.log(
      `scale test: ${DELIVERIES} deliveries by ${WORKERS} workers ${JSON.stringify(perWorker)}, ` +
        `killed ${killed.label} after ${receivedAtKill} received, holding ${heldByVictim}; ` +
        `${received.length} requests, ${duplicates} duplicates, ${unknown} of unknown origin, ` +
        `${twiceByLive.length} sent twice by live workers ${JSON.stringify(twiceByLive.slice(0, 5))}`,
    );
    const logs = workers.map((w) => w.output()).join("\n");
    // Killed mid-flight: it held leases that the live workers had to take over.
    expect(heldByVictim).toBeGreaterThan(0);
    // None lost.
    expect([...copies.keys()].sort()).toEqual([...ids].sort());
    expect(duplicates, logs).toBeLessThanOrEqual(heldByVictim);
    // The receiver could tell who sent every request but the dead worker's last ones …
    expect(unknown, logs).toBeLessThanOrEqual(heldByVictim);
    // … and no delivery came twice from live workers.
    expect(twiceByLive, logs).toEqual([]);

    // The live workers stop cleanly on SIGTERM.
    for (const worker of workers.filter((w) => w !== killed))
      process.kill(worker.child.pid ?? 0, "SIGTERM");
    for (const worker of workers.filter((w) => w !== killed)) {
      expect(await exited(worker.child), worker.output()).toEqual({ code: 0, signal: null });
    }
  }, 240_000);
});
