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
  await buildApp(appDir, productionEnv({}));
}
