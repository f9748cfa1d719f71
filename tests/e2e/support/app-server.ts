import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const SERVER_READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;
const OUTPUT_LIMIT = 200_000;

export interface AppServer {
  url: string;
  /** What the server printed so far (the last OUTPUT_LIMIT characters). */
  output: () => string;
  stop: () => Promise<void>;
}

export interface CommandResult {
  code: number | null;
  output: string;
}

function nextBin(appDir: string): string {
  return path.join(appDir, "node_modules", "next", "dist", "bin", "next");
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

/**
 * The child leads its own process group (detached) so that stopping it also stops what it
 * spawned: `next start` leaves a `next-server` process behind when only its parent is killed.
 */
async function stopGroup(pid: number): Promise<void> {
  signalGroup(pid, "SIGTERM");
  const deadline = Date.now() + STOP_GRACE_MS;
  while (isGroupAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isGroupAlive(pid)) signalGroup(pid, "SIGKILL");
}

function spawnInGroup(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let captured = "";
  const capture = (chunk: Buffer) => {
    captured = (captured + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", capture);
  child.stderr?.on("data", capture);

  // A crashed or interrupted test run must not leave the group running.
  const pid = child.pid;
  if (pid !== undefined) {
    const killOnExit = () => signalGroup(pid, "SIGKILL");
    process.once("exit", killOnExit);
    child.once("exit", () => process.removeListener("exit", killOnExit));
  }
  return { child, output: () => captured };
}

export async function runCommand(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<CommandResult> {
  const { child, output } = spawnInGroup(command, args, options);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (exitCode) => resolve(exitCode));
  });
  if (child.pid !== undefined) await stopGroup(child.pid);
  return { code, output: output() };
}

export function hasBuild(appDir: string): boolean {
  return existsSync(path.join(appDir, ".next", "BUILD_ID"));
}

export async function buildApp(appDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const result = await runCommand(process.execPath, [nextBin(appDir), "build"], {
    cwd: appDir,
    env,
  });
  if (result.code !== 0) {
    throw new Error(`next build failed (exit ${result.code}):\n${result.output}`);
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before answering`);
    }
    try {
      // Any status will do: the point is that the server answers HTTP at all.
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      return;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer ${url} within ${timeoutMs} ms (last error: ${lastError})`);
}

export async function startAppServer(options: {
  appDir: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
}): Promise<AppServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = spawnInGroup(
    process.execPath,
    [nextBin(options.appDir), "start", "-p", String(port), "-H", "127.0.0.1"],
    { cwd: options.appDir, env: { ...options.env, PORT: String(port) } },
  );
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile);
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });

  const pid = child.pid;
  const stop = async () => {
    if (pid !== undefined) await stopGroup(pid);
    await new Promise<void>((resolve) => log.end(() => resolve()));
  };

  try {
    await waitForHttp(url, child, SERVER_READY_TIMEOUT_MS);
  } catch (error) {
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`next start failed: ${reason}\n--- server output ---\n${output()}`);
  }
  return { url, output, stop };
}
