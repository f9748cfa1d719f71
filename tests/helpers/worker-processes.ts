// `npm run worker` processes for tests, each in its own process group (so a kill reaches tsx
// and the node process it runs), on the test file's database.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { TEST_ENCRYPTION_KEY } from "./encryption-key";
import { TEST_DATABASE_URL } from "./fresh-database";

export type WorkerProcess = {
  label: string;
  child: ChildProcess;
  /** The worker id it logged at start (it names the pid of the process that sends). */
  id: () => string | null;
  /** When this test process first read its start line (Date.now()), or null before. */
  startedAt: () => number | null;
  output: () => string;
};

const started: WorkerProcess[] = [];

/** `script` is `npm run worker`'s entry unless another process that runs a worker is asked for. */
export function startWorkerProcess(
  label: string,
  env: Record<string, string>,
  script = "scripts/worker.ts",
): WorkerProcess {
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), script], {
    cwd: path.resolve("."),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: TEST_DATABASE_URL,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      APP_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      ...env,
    },
  });
  let output = "";
  let startedAt: number | null = null;
  child.stdout?.on("data", (chunk) => {
    output += chunk;
    if (startedAt === null && /worker \S+ started/.test(output)) startedAt = Date.now();
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const worker: WorkerProcess = {
    label,
    child,
    id: () => /worker (\S+) started/.exec(output)?.[1] ?? null,
    startedAt: () => startedAt,
    output: () => `[${label}] ${output.slice(-4000)}`,
  };
  started.push(worker);
  return worker;
}

export function exited(child: ChildProcess) {
  return new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });
}

/** Waits until every worker has logged its start (connected, migrated, listening). */
export async function workersStarted(workers: WorkerProcess[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!workers.every((worker) => worker.id() !== null)) {
    if (Date.now() > deadline)
      throw new Error(`workers did not start\n${workers.map((w) => w.output()).join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** SIGKILLs what is still running of every worker this file started (afterAll). */
export function killWorkerProcesses() {
  for (const { child } of started) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  }
}
