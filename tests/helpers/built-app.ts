import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildIsCurrent } from "../../scripts/build-inputs";
import { buildApp, hasBuild } from "../e2e/support/app-server";
import { TEST_ENCRYPTION_KEY } from "./encryption-key";

/** The parent's environment minus what would make Next behave like a test run. */
export function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_ENV" || key.startsWith("VITEST") || key === "TEST") continue;
    env[key] = value;
  }
  return {
    APP_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    ...env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}

/**
 * Builds the app unless `.next` is newer than every source file (or E2E_SKIP_BUILD=1 says to
 * reuse it): the browser tests and these tests share one build, and it costs minutes here.
 */
export async function ensureBuild(appDir: string): Promise<void> {
  if (hasBuild(appDir) && process.env.E2E_SKIP_BUILD === "1") return;
  if (buildIsCurrent(appDir)) return;
  // Test files run two at a time: two builds in one folder would break each other, so one
  // builds and the other waits for it, then finds the build current.
  const release = await takeBuildLock(appDir);
  try {
    if (!buildIsCurrent(appDir)) await buildApp(appDir, productionEnv({}));
  } finally {
    release();
  }
}

/** A lock folder holding the builder's pid, put in place atomically; a dead builder's is taken over. */
async function takeBuildLock(appDir: string): Promise<() => void> {
  const lock = path.join(appDir, ".next-build.lock");
  for (;;) {
    const mine = mkdtempSync(`${lock}-`);
    writeFileSync(path.join(mine, "pid"), String(process.pid));
    try {
      // Renaming a folder onto an existing, non-empty one fails: only one taker wins.
      renameSync(mine, lock);
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      rmSync(mine, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      // The pid moves in with the folder, so no pid means the lock was released meanwhile.
      const holder = lockHolder(lock);
      if (holder !== undefined && !isAlive(holder)) rmSync(lock, { recursive: true, force: true });
      else if (holder !== undefined) await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function lockHolder(lock: string): number | undefined {
  try {
    return Number(readFileSync(path.join(lock, "pid"), "utf8")) || undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
