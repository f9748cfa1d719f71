// Child processes of the benchmark: each leads its own process group (detached), so stopping it
// stops what it spawned too (`next start` forks `next-server`; `npm run worker` runs sh and node).
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const STOP_GRACE_MS = 10_000;
const OUTPUT_LIMIT = 100_000;

export type Started = {
  child: ChildProcess;
  pid: number;
  /** Monotonic time (performance.now) just before the spawn. */
  spawnedAt: number;
  output: () => string;
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

function isGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

export function startProcess(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; logFile?: string; ipc?: boolean },
): Started {
  const spawnedAt = performance.now();
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command} ${args.join(" ")}`);
  let captured = "";
  const capture = (chunk: Buffer) => {
    captured = (captured + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);
  if (options.logFile) {
    mkdirSync(path.dirname(options.logFile), { recursive: true });
    const log = createWriteStream(options.logFile);
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once("close", () => log.end());
  }
  // An interrupted bench must not leave the group running.
  const killOnExit = () => signalGroup(pid, "SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code) => {
      process.removeListener("exit", killOnExit);
      resolve(code);
    });
  });
  const stop = async () => {
    signalGroup(pid, "SIGTERM");
    const deadline = Date.now() + STOP_GRACE_MS;
    while (isGroupAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isGroupAlive(pid)) signalGroup(pid, "SIGKILL");
  };
  return { child, pid, spawnedAt, output: () => captured, exited, stop };
}

/** Runs a command to its end; throws with its output when it fails. */
export async function runToEnd(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<string> {
  const started = startProcess(command, args, options);
  const code = await started.exited;
  await started.stop();
  if (code !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited ${code}:\n${started.output()}`);
  }
  return started.output();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port assigned");
  return address.port;
}

/** Waits until `url` answers HTTP at all (any status), or the process exits, or time runs out. */
export async function waitForHttp(url: string, started: Started, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null || started.child.signalCode !== null) {
      throw new Error(`exited before answering ${url}:\n${started.output()}`);
    }
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(100);
  }
  throw new Error(
    `${url} did not answer within ${timeoutMs} ms (${lastError}):\n${started.output()}`,
  );
}
