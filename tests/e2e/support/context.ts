import { inject } from "vitest";
import { RECEIVED_PATH, type ReceivedRequest } from "./receiver";

/** What the e2e global setup provides to every test file (read with `inject`). */
export interface E2EProvided {
  /** Where the app under test listens, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  baseURL: string;
  /** The recording receiver the app's GA_ENDPOINT points at. */
  receiverUrl: string;
  /** The app's SQLite database, for tests that arrange data no page can create yet. */
  databaseUrl: string;
  /** The app's folder, where its build (`.next/`) lives. */
  appDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: E2EProvided["baseURL"];
    receiverUrl: E2EProvided["receiverUrl"];
    databaseUrl: E2EProvided["databaseUrl"];
    appDir: E2EProvided["appDir"];
  }
}

export type { ReceivedRequest };

/** An absolute URL of the app under test. */
export function appUrl(pathname = "/"): string {
  return new URL(pathname, inject("baseURL")).toString();
}

/** Everything the global recording receiver got since the run began or since `clearReceived`. */
export async function readReceived(): Promise<ReceivedRequest[]> {
  const response = await fetch(`${inject("receiverUrl")}${RECEIVED_PATH}`);
  if (!response.ok) throw new Error(`receiver answered ${response.status}`);
  return (await response.json()) as ReceivedRequest[];
}

export async function clearReceived(): Promise<void> {
  await fetch(`${inject("receiverUrl")}${RECEIVED_PATH}`, { method: "DELETE" });
}

/** Polls the receiver until a request matches, since the app may send in the background. */
export async function waitForReceived(
  matches: (request: ReceivedRequest) => boolean,
  timeoutMs = 15_000,
): Promise<ReceivedRequest> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readReceived()).find(matches);
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`no matching request reached the receiver within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
