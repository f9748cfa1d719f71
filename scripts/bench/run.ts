// The bench's sequence: build once, seed, then two runs of the app as a user runs it.
//   1. `next start` with its in-process worker: latency at 5/100/200 events/s, then the
//      32-client load (POST call-events beside GET project).
//   2. `next start` with WORKER_IN_PROCESS=false: queues drained by `npm run worker` (compiled)
//      and `npm run worker:dev` (tsx), beside a bare got loop; then 100k demo deliveries
//      (`npm run seed:demo`) and the error check's reads.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { apiFor, configureEvents } from "./api";
import { appEnv, createBenchDatabase, ensureBuilt, startApp } from "./app";
import { type DrainTiming, measureGotLoop, measureWorkerDrain, queueDeliveries } from "./drain";
import { measureLatency } from "./latency";
import { measureLoad } from "./load";
import type { Options } from "./options";
import { runToEnd } from "./processes";
import { measureReads } from "./reads";
import { startReceiver } from "./receiver";
import type { BenchResults } from "./report";
import { RssSampler } from "./rss";

const seedSchema = z.object({
  projectId: z.string(),
  apiKey: z.string(),
  demoProjectId: z.string(),
  demoApiKey: z.string(),
  sessionToken: z.string(),
});

const step = (message: string) => console.log(`… ${message}`);

export async function runBench(root: string, options: Options): Promise<BenchResults> {
  const { sizes } = options;
  const directory = mkdtempSync(path.join(tmpdir(), "webhooks-bench-"));
  const logs = path.join(root, "test-results", "bench");
  const database = await createBenchDatabase(options.engine, directory);
  const databaseUrl = database.url;
  const rss = new RssSampler();
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const receiver = await startReceiver(root);
  rss.track("receiver", receiver.process.pid);
  const stops: Array<() => Promise<void>> = [receiver.stop];

  try {
    const baseEnv = appEnv(databaseUrl, { GA_ENDPOINT: receiver.url });
    step("build (skipped while current)");
    const build = await ensureBuilt(root, appEnv(databaseUrl, {}));
    step(build);

    step(`seed: administrator, projects, API keys, session (${options.engine})`);
    const seedOutput = await runToEnd(tsx, ["scripts/bench/seed-app.ts"], {
      cwd: root,
      env: baseEnv,
    });
    const seedLine = seedOutput.split("\n").find((line) => line.startsWith("BENCH_SEED "));
    if (!seedLine) throw new Error(`the seed step printed no BENCH_SEED line:\n${seedOutput}`);
    const seed = seedSchema.parse(JSON.parse(seedLine.slice("BENCH_SEED ".length)));

    step("next start with the in-process worker");
    const profiled = options.cpuProfileDir
      ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`]
      : [];
    const first = await startApp(
      root,
      { ...baseEnv, WORKER_IN_PROCESS: "true" },
      path.join(logs, "app-in-process.log"),
      profiled,
    );
    stops.push(first.stop);
    rss.track("next start, in-process worker", first.process.pid);
    const api = apiFor(first.url, seed.apiKey);
    await configureEvents(api, receiver.url);
    // Warm the routes and the worker before anything is timed.
    await measureLatency(api, receiver, 20, 1, first.process.pid);

    const latency = [];
    for (const { ratePerSec, seconds } of sizes.latency) {
      step(`latency: ${ratePerSec} events/s for ${seconds} s`);
      latency.push(await measureLatency(api, receiver, ratePerSec, seconds, first.process.pid));
    }
    step(`load: 32 clients, GET project then POST call-events, ${sizes.throughputSeconds} s each`);
    const load = await measureLoad(api, receiver, sizes.throughputSeconds, first.process.pid);
    await first.stop();
    if (options.only === "ingest") {
      return { engine: options.engine, mode: sizes.mode, build, latency, load, rss: rss.peaks() };
    }

    step("next start with WORKER_IN_PROCESS=false");
    const webEnv = { ...baseEnv, WORKER_IN_PROCESS: "false" };
    const second = await startApp(root, webEnv, path.join(logs, "app-web-only.log"));
    stops.push(second.stop);
    rss.track("next start, web only", second.process.pid);
    const webApi = apiFor(second.url, seed.apiKey);

    step(`drain: queue ${sizes.drain} deliveries, bare got loop, then npm run worker`);
    const queued = await queueDeliveries(webApi, sizes.drain);
    const gotLoop = await measureGotLoop(root, receiver, queued.length, rss);
    const worker = await measureWorkerDrain({
      root,
      env: webEnv,
      script: "worker",
      name: "npm run worker (compiled)",
      receiver,
      ids: queued,
      rss,
      logFile: path.join(logs, "worker.log"),
    });
    step(`drain: queue ${sizes.drainTsx} deliveries, npm run worker:dev (tsx)`);
    const queuedTsx = await queueDeliveries(webApi, sizes.drainTsx);
    const workerTsx = await measureWorkerDrain({
      root,
      env: webEnv,
      script: "worker:dev",
      name: "npm run worker:dev (tsx)",
      receiver,
      ids: queuedTsx,
      rss,
      logFile: path.join(logs, "worker-dev.log"),
    });

    // Several workers only make sense on PostgreSQL (SQLite has one writer): the figure shows
    // whether more workers help or hurt, and where the database becomes the limit.
    const scaleOut: Array<DrainTiming & { workers: number }> = [];
    if (options.engine === "postgres") {
      for (const workers of [1, 2, 4]) {
        step(`drain: queue ${sizes.drain} deliveries, ${workers} × npm run worker`);
        const ids = await queueDeliveries(webApi, sizes.drain);
        const timing = await measureWorkerDrain({
          root,
          env: webEnv,
          script: "worker",
          name: `${workers} × npm run worker`,
          receiver,
          ids,
          rss,
          logFile: path.join(logs, `workers-${workers}.log`),
          workers,
        });
        scaleOut.push({ ...timing, workers });
      }
    }

    step(`reads: seed ${sizes.seeded} demo deliveries (npm run seed:demo)`);
    const seedStarted = performance.now();
    await runToEnd(
      tsx,
      [
        "scripts/seed-demo.ts",
        "--deliveries",
        String(sizes.seeded),
        "--project",
        seed.demoProjectId,
      ],
      { cwd: root, env: webEnv },
    );
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    step(`reads: 3 warm-ups + ${sizes.readRuns} runs each`);
    const reads = await measureReads({
      baseUrl: second.url,
      key: seed.demoApiKey,
      projectId: seed.demoProjectId,
      sessionToken: seed.sessionToken,
      search: "old-crm",
      runs: sizes.readRuns,
    });
    rss.sample();
    await second.stop();
    return {
      engine: options.engine,
      mode: sizes.mode,
      build,
      latency,
      load,
      drain: { gotLoop, worker, workerTsx, scaleOut },
      reads: { seeded: sizes.seeded, seedSeconds, byName: reads },
      rss: rss.peaks(),
    };
  } finally {
    rss.stop();
    for (const stop of stops.reverse()) await stop();
    rmSync(directory, { recursive: true, force: true });
    await database.drop();
  }
}
