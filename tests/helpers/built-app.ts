import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { buildApp, hasBuild } from "../e2e/support/app-server";

// What the production build is made from: a change to any of these makes `.next` stale.
const SOURCES = ["app", "components", "lib", "instrumentation.ts", "next.config.ts", "prisma"];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function newestMtime(entry: string): number {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(entry);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (SKIP.has(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** The parent's environment minus what would make Next behave like a test run. */
export function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_ENV" || key.startsWith("VITEST") || key === "TEST") continue;
    env[key] = value;
  }
  return { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/**
 * Builds the app unless `.next` is newer than every source file (or E2E_SKIP_BUILD=1 says to
 * reuse it): the browser tests and these tests share one build, and it costs minutes here.
 */
export async function ensureBuild(appDir: string): Promise<void> {
  if (hasBuild(appDir) && process.env.E2E_SKIP_BUILD === "1") return;
  if (hasBuild(appDir)) {
    const built = statSync(path.join(appDir, ".next", "BUILD_ID")).mtimeMs;
    const newest = Math.max(...SOURCES.map((entry) => newestMtime(path.join(appDir, entry))));
    if (built > newest) return;
  }
  await buildApp(appDir, productionEnv({}));
}
