// The app as a user runs it: `next build` once (skipped while the build is newer than every
// source it is built from), the compiled worker, and `next start` in production mode on a
// loopback port with the bench's own database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { buildIsCurrent } from "../build-inputs";
import type { Engine } from "./options";
import { findFreePort, runToEnd, type Started, startProcess, waitForHttp } from "./processes";

const nextBin = (root: string) => path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Builds the app and the worker unless their builds are current; answers what it did. */
export async function ensureBuilt(root: string, env: NodeJS.ProcessEnv): Promise<string> {
  let done = "next build: current, reused";
  if (!buildIsCurrent(root)) {
    const started = performance.now();
    await runToEnd(process.execPath, [nextBin(root), "build"], { cwd: root, env });
    done = `next build: ${((performance.now() - started) / 1000).toFixed(0)} s`;
  }
  await runToEnd(process.execPath, [path.join(root, "scripts", "build-worker.mjs"), "--if-stale"], {
    cwd: root,
    env,
  });
  return done;
}

export type BenchDatabase = { url: string; drop: () => Promise<void> };

const POSTGRES_SERVER =
  process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** A fresh database for the engine: a file in the bench's temporary folder, or a new PostgreSQL database. */
export async function createBenchDatabase(
  engine: Engine,
  directory: string,
): Promise<BenchDatabase> {
  switch (engine) {
    case "sqlite":
      return { url: `file:${path.join(directory, "bench.db")}`, drop: async () => {} };
    case "postgres": {
      const { default: pg } = await import("pg");
      const name = `webhooks_bench_${process.pid}_${Date.now()}`;
      const admin = async (sql: string) => {
        const client = new pg.Client({ connectionString: POSTGRES_SERVER });
        await client.connect();
        try {
          await client.query(sql);
        } finally {
          await client.end();
        }
      };
      await admin(`CREATE DATABASE "${name}"`);
      const url = new URL(POSTGRES_SERVER);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
      };
    }
  }
}

/** The environment every process of the bench gets: production, loopback targets allowed. */
export function appEnv(databaseUrl: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_ENV" || key.startsWith("VITEST") || key.startsWith("WORKER_")) continue;
    env[key] = value;
  }
  return {
    // A fixed key for the bench's throwaway databases; an APP_ENCRYPTION_KEY set outside wins.
    APP_ENCRYPTION_KEY: "WK/0J3qiV2HHSo8P0A82janLjzlGAysHuh5s5Cx6VRE=",
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    // The bench measures the app's speed; the per-key request budgets would cap the load rows.
    API_REQUESTS_PER_SECOND: "1000000",
    API_INGEST_PER_SECOND: "1000000",
    ...extra,
  };
}

export type App = { url: string; process: Started; stop: () => Promise<void> };

/** The V8 heap cap `npm start` gives the app (package.json), so the bench runs what production runs. */
function startHeapFlag(root: string): string {
  const packageJson = z
    .object({ scripts: z.object({ start: z.string() }) })
    .parse(JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")));
  return /--max-old-space-size=\d+/.exec(packageJson.scripts.start)?.[0] ?? "";
}

export async function startApp(
  root: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  /** Flags for node itself (Node 20 refuses --cpu-prof in NODE_OPTIONS). */
  nodeArgs: string[] = [],
): Promise<App> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const started = startProcess(
    process.execPath,
    [...nodeArgs, nextBin(root), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: {
        ...env,
        PORT: String(port),
        NODE_OPTIONS: [startHeapFlag(root), env.NODE_OPTIONS].filter(Boolean).join(" "),
      },
      logFile,
    },
  );
  try {
    await waitForHttp(`${url}/login`, started);
  } catch (error) {
    await started.stop();
    throw error;
  }
  return { url, process: started, stop: started.stop };
}
