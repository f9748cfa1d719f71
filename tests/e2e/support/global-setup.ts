import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { TEST_ENCRYPTION_KEY } from "../../helpers/encryption-key";
import { type AppServer, buildApp, hasBuild, startAppServer } from "./app-server";
import type { E2EProvided } from "./context";
import { type RecordingReceiver, startRecordingReceiver } from "./receiver";

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** The parent's environment minus what would make Next behave like a test run. */
function inheritedEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_ENV" || key.startsWith("VITEST") || key === "TEST") continue;
    env[key] = value;
  }
  return env;
}

/**
 * Builds the app once, gives it a fresh SQLite file and a recording receiver, starts
 * `next start` on a free loopback port, and hands the URLs to the tests through `inject`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const appDir = path.resolve(process.env.E2E_APP_DIR ?? project.config.root);
  const dataDir = mkdtempSync(path.join(tmpdir(), "e2e-"));
  let receiver: RecordingReceiver | undefined;
  let server: AppServer | undefined;

  const teardown = async () => {
    await server?.stop();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    receiver = await startRecordingReceiver();
    const env: NodeJS.ProcessEnv = {
      ...inheritedEnv(),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
      DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`,
      GA_ENDPOINT: receiver.url,
      // The receivers tests start listen on 127.0.0.1, which the delivery guard refuses by default.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    };

    // No migration step here: the app brings its database up to date when it starts.
    let started = performance.now();
    if (process.env.E2E_SKIP_BUILD === "1" && hasBuild(appDir)) {
      console.log("[e2e] E2E_SKIP_BUILD=1: reusing the existing .next build");
    } else {
      started = performance.now();
      await buildApp(appDir, env);
      console.log(`[e2e] next build took ${seconds(started)}`);
    }

    started = performance.now();
    server = await startAppServer({
      appDir,
      env,
      logFile: path.join(project.config.root, "test-results", "e2e-server.log"),
    });
    console.log(`[e2e] next start answered at ${server.url} after ${seconds(started)}`);
  } catch (error) {
    await teardown();
    throw error;
  }

  const provided: E2EProvided = {
    baseURL: server.url,
    receiverUrl: receiver.url,
    databaseUrl: `file:${path.join(dataDir, "e2e.db")}`,
    appDir,
  };
  project.provide("baseURL", provided.baseURL);
  project.provide("receiverUrl", provided.receiverUrl);
  project.provide("databaseUrl", provided.databaseUrl);
  project.provide("appDir", provided.appDir);
  return teardown;
}
